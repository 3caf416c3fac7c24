import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
    DEMO_STAFF,
    launchBrowser,
    signIn,
    signInThroughApi,
    startServer,
    type RunningServer,
    trackNetwork,
    waitForNetworkQuiet,
} from './browserHelpers';

/** What the page reported that a Content-Security-Policy refused. */
interface Violations {
    console: string[];
    events: string[];
}

declare global {
    interface Window {
        __cspViolations?: string[];
    }
}

describe('the built SPA under its Content-Security-Policy', () => {
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

    /** A fresh browser on the app that records every CSP violation, from the console and from events. */
    async function watchedPage(): Promise<{ page: Page; violations: () => Promise<Violations> }> {
        const context = trackNetwork(await browser.newContext({ viewport: { width: 1440, height: 900 } }));
        await context.addInitScript(() => {
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', (event) => {
                const where = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`;
                window.__cspViolations!.push(`${event.violatedDirective} ${event.blockedURI} at ${where}`);
            });
        });
        const page = await context.newPage();
        const console: string[] = [];
        page.on('console', (message) => {
            if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
        });
        return {
            page,
            violations: async () => ({
                console,
                events: await page.evaluate(() => window.__cspViolations ?? []),
            }),
        };
    }

    const sidebar = (page: Page) => page.locator('.RaSidebar-fixed');

    /** Opens every screen of the sidebar, and the first record of each list that has one. */
    async function visitMainScreens(page: Page): Promise<string[]> {
        await sidebar(page).getByRole('menuitem', { name: 'Disputes' }).waitFor();
        const items = (await sidebar(page).getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
        for (const item of items) {
            await sidebar(page).getByRole('menuitem', { name: item, exact: true }).click();
            await waitForNetworkQuiet(page);
            const firstRow = page.locator('table tbody tr').first();
            if (await firstRow.isVisible()) {
                await firstRow.click();
                await waitForNetworkQuiet(page);
            }
        }
        return items;
    }

    it('signs in on the login page without a CSP violation', async () => {
        const { page, violations } = await watchedPage();
        await page.goto(`${server.baseUrl}/`);
        await signIn(page, DEMO_STAFF.mediator);
        await sidebar(page).getByRole('menuitem', { name: 'Disputes' }).waitFor();
        expect(await violations()).toEqual({ console: [], events: [] });
        await page.context().close();
    });

    for (const [who, email] of Object.entries(DEMO_STAFF)) {
        it(`shows ${who} every main screen without a CSP violation`, async () => {
            const { page, violations } = await watchedPage();
            await signInThroughApi(page.context(), server.baseUrl, email);
            await page.goto(`${server.baseUrl}/`);
            const items = await visitMainScreens(page);
            expect(items.length).toBeGreaterThan(2);
            expect(await violations()).toEqual({ console: [], events: [] });
            await page.context().close();
        });
    }

    it('ends the other sessions from the user menu, after a confirmation, and keeps this one', async () => {
        const other = await browser.newContext();
        await signInThroughApi(other, server.baseUrl, DEMO_STAFF.support);
        expect((await other.request.get(`${server.baseUrl}/api/auth/me`)).status()).toBe(200);

        const { page, violations } = await watchedPage();
        await signInThroughApi(page.context(), server.baseUrl, DEMO_STAFF.support);
        await page.goto(`${server.baseUrl}/`);
        await sidebar(page).getByRole('menuitem', { name: 'Disputes' }).waitFor();
        await page.locator('header').getByRole('button', { name: 'Profile' }).click();
        await page.getByTestId('revoke-other-sessions').click();
        await page.getByText('Sign out your other sessions?').waitFor();
        await page.getByRole('button', { name: 'Sign out others' }).click();
        // Earlier tests left sessions of this account open too.
        await page.getByText(/^Signed out \d+ other sessions?$/).waitFor();

        expect((await other.request.get(`${server.baseUrl}/api/auth/me`)).status()).toBe(401);
        expect((await page.context().request.get(`${server.baseUrl}/api/auth/me`)).status()).toBe(200);
        expect(await violations()).toEqual({ console: [], events: [] });
        await other.close();
        await page.context().close();
    });

    it('lets a supervisor sign a staff member out everywhere from the staff page', async () => {
        const mediator = await browser.newContext();
        await signInThroughApi(mediator, server.baseUrl, DEMO_STAFF.mediator2);
        const me = (await (await mediator.request.get(`${server.baseUrl}/api/auth/me`)).json()) as {
            id: number;
            fullName: string;
        };

        const { page } = await watchedPage();
        await signInThroughApi(page.context(), server.baseUrl, DEMO_STAFF.supervisor);
        await page.goto(`${server.baseUrl}/#/staff/${me.id}/show`);
        await page.getByTestId('revoke-sessions').click();
        await page.getByText(`Sign out ${me.fullName} everywhere?`).waitFor();
        await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
        await page.getByText(new RegExp(`^Ended \\d+ sessions? of ${me.fullName}$`)).waitFor();
        expect((await mediator.request.get(`${server.baseUrl}/api/auth/me`)).status()).toBe(401);
        await mediator.close();
        await page.context().close();
    });
});
