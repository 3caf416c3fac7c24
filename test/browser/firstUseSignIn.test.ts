import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_STAFF, serverAndBrowser, signIn } from './browserHelpers';

/** A fresh browser page that records its GET /api/auth/me calls and its console errors. */
async function watchedPage(browser: Browser) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const meCalls: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/auth/me') meCalls.push(request.method());
    });
    page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
    });
    return { page, meCalls, errors };
}

/** Leaves the page time to make any late call (the app polls nothing on the sign-in page). */
const settled = async (page: Page) => {
    await page.waitForLoadState('load');
    await page.waitForTimeout(1000);
};

describe('the sign-in page of an anonymous visit', () => {
    const app = serverAndBrowser();

    const signInButton = (page: Page) => page.getByRole('button', { name: 'Sign in' });

    it('asks GET /api/auth/me at most once and logs no console error', async () => {
        const { page, meCalls, errors } = await watchedPage(app.browser);
        await page.goto(`${app.server.baseUrl}/`);
        await signInButton(page).waitFor();
        // A deep link of a signed-out visitor also lands on the sign-in page quietly.
        await page.goto(`${app.server.baseUrl}/#/disputes/14/show`);
        await page.waitForURL(/#\/login/);
        await signInButton(page).waitFor();
        await settled(page);
        expect(meCalls.length).toBeLessThanOrEqual(1);
        expect(errors).toEqual([]);
        await page.context().close();
    });

    it('still finds the session of a signed-in staff member on reload, and forgets it at sign-out', async () => {
        const { page, meCalls, errors } = await watchedPage(app.browser);
        await page.goto(`${app.server.baseUrl}/`);
        await signIn(page, DEMO_STAFF.mediator);
        await page.getByRole('menuitem', { name: 'Queue' }).waitFor();
        // A new tab has no identity of its own: it asks the server once, and is let in.
        const tab = await page.context().newPage();
        await tab.goto(`${app.server.baseUrl}/#/disputes`);
        await tab.getByRole('menuitem', { name: 'Queue' }).waitFor();
        expect(new URL(tab.url()).hash).toBe('#/disputes');
        await tab.close();
        await page.locator('header').getByRole('button', { name: 'Profile' }).click();
        await page.getByRole('menuitem', { name: 'Logout' }).click();
        await signInButton(page).waitFor();
        const callsAtSignOut = meCalls.length;
        errors.length = 0;
        await page.reload();
        await signInButton(page).waitFor();
        await settled(page);
        expect(meCalls.length).toBe(callsAtSignOut);
        expect(errors).toEqual([]);
        await page.context().close();
    });

    it('asks once, and then no more, when the hint outlives its session', async () => {
        const { page, meCalls } = await watchedPage(app.browser);
        await page.context().addCookies([{ name: 'dd_signed_in', value: '1', url: app.server.baseUrl }]);
        await page.goto(`${app.server.baseUrl}/#/queue`);
        await page.waitForURL(/#\/login/);
        await signInButton(page).waitFor();
        const hint = async () =>
            (await page.context().cookies()).find((cookie) => cookie.name === 'dd_signed_in');
        await expect.poll(hint).toBeUndefined();
        await settled(page);
        expect(meCalls.length).toBe(1);
        await page.context().close();
    });
});
