import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
    DEMO_PASSWORD,
    DEMO_STAFF,
    launchBrowser,
    signIn,
    startServer,
    type RunningServer,
} from './browserHelpers';

interface Identity {
    fullName: string;
    role: string;
    csrfToken: string;
}

const ROLE_LABELS: Record<string, string> = {
    support: 'Support',
    mediator: 'Mediator',
    supervisor: 'Supervisor',
};

const ADMIN_ITEMS = ['Staff', 'Audit log'];

describe('signing in as each role', () => {
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
        server = await startServer();
        browser = await launchBrowser();
    });

    afterAll(async () => {
        await browser?.close();
        await server?.stop();
    });

    /** A fresh browser (no cookie) on the app, which sends it to the login page. */
    async function openApp(): Promise<Page> {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}/`);
        await page.getByRole('button', { name: 'Sign in' }).waitFor();
        return page;
    }

    /** The identity of the page's session, as the API tells it (the cookie is shared). */
    async function identityOf(page: Page): Promise<Identity> {
        const response = await page.context().request.get(`${server.baseUrl}/api/auth/me`);
        expect(response.status()).toBe(200);
        return (await response.json()) as Identity;
    }

    const sidebar = (page: Page) => page.locator('.RaSidebar-fixed');
    const menuItems = async (page: Page) => {
        await sidebar(page).getByRole('menuitem', { name: 'Disputes' }).waitFor();
        return (await sidebar(page).getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
    };

    for (const [who, email] of Object.entries(DEMO_STAFF)) {
        it(`shows ${who} their own menu and identity, and signs them out`, async () => {
            const page = await openApp();
            await signIn(page, email);

            const identity = await identityOf(page);
            const items = await menuItems(page);
            expect(items).toContain('Disputes');
            if (identity.role === 'supervisor') {
                for (const item of ADMIN_ITEMS) expect(items).toContain(item);
            } else {
                for (const item of ADMIN_ITEMS) expect(items).not.toContain(item);
            }

            // Supervisors start on the dashboard, mediators on the queue, support on the dispute list.
            const hasQueue = items.includes('Queue');
            const landing =
                identity.role === 'supervisor'
                    ? ''
                    : identity.role === 'support' || !hasQueue
                      ? 'disputes'
                      : 'queue';
            expect(new URL(page.url()).hash).toBe(`#/${landing}`);

            const appBar = page.locator('header');
            await appBar.getByText(identity.fullName).waitFor();
            expect(await page.getByTestId('identity-role').innerText()).toBe(ROLE_LABELS[identity.role]);

            await appBar.getByRole('button', { name: 'Profile' }).click();
            expect(await page.getByTestId('user-menu-identity').innerText()).toContain(email);
            await page.getByRole('menuitem', { name: 'Logout' }).click();
            await page.waitForURL(/#\/login/);
            await page.getByRole('button', { name: 'Sign in' }).waitFor();
            const me = await page.context().request.get(`${server.baseUrl}/api/auth/me`);
            expect(me.status()).toBe(401);
            await page.context().close();
        });
    }

    it('says so when the password is wrong, and stays on the login page', async () => {
        const page = await openApp();
        await page.getByLabel('Email').fill(DEMO_STAFF.mediator2);
        await page.getByLabel('Password', { exact: true }).fill(`${DEMO_PASSWORD}-wrong`);
        await page.getByRole('button', { name: 'Sign in' }).click();

        const error = page.getByTestId('login-error');
        await error.waitFor();
        expect(await error.innerText()).toBe('Email or password is incorrect');
        expect(new URL(page.url()).hash).toBe('#/login');
        expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
        await page.context().close();
    });

    it('shows a support user "access denied" on the staff screen without signing them out', async () => {
        const page = await openApp();
        await signIn(page, DEMO_STAFF.support);

        await page.goto(`${server.baseUrl}/#/staff`);
        await page.waitForURL(/#\/access-denied/);
        await page.getByText('Access denied').waitFor();
        expect(await menuItems(page)).not.toContain('Staff');

        // Still signed in: the session lives and the next screen opens.
        expect((await identityOf(page)).role).toBe('support');
        await sidebar(page).getByRole('menuitem', { name: 'Disputes' }).click();
        await page.waitForURL(/#\/disputes/);
        await page.locator('table tbody tr').first().waitFor();
        await page.context().close();
    });

    it('returns to the login page when the session ends behind the screen', async () => {
        const page = await openApp();
        await signIn(page, DEMO_STAFF.mediator);
        await menuItems(page);

        // Another tab signs out: the session is revoked on the server.
        const { csrfToken } = await identityOf(page);
        const logout = await page.context().request.post(`${server.baseUrl}/api/auth/logout`, {
            headers: { 'X-CSRF-Token': csrfToken },
        });
        expect(logout.status()).toBe(204);

        // The next page the user opens finds the session gone. (Navigating by address: the
        // menu may re-render under the pointer while the app already reacts to the 401.)
        await page.evaluate(() => {
            window.location.hash = '#/orders';
        });
        await page.waitForURL(/#\/login/);
        await page.getByRole('button', { name: 'Sign in' }).waitFor();
        await page.getByText('Your session has ended').waitFor();
        await page.context().close();
    });
});
