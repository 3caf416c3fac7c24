/**
 * The live queue and presence, as two mediators see it in two browsers; each may be served by its
 * own server process (live.postgres.test.ts) or both by one (live.test.ts).
 */
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_STAFF, signInThroughApi } from './browserHelpers';

/**
 * Another mediator's queue shows a pick-up without a reload (issue 12). The bound only tells a live update
 * from none at all: the queue has no polling to fall back on, and how fast the update travels is not timed
 * in the suite (a busy CI machine is not a quiet one).
 */
export const LIVE_WITHIN_MS = 10_000;

export interface Desk {
    page: Page;
    baseUrl: string;
    fullName: string;
}

/** A browser context signed in as `email` on the server at `baseUrl`, on the queue. */
export async function openDesk(browser: Browser, baseUrl: string, email: string): Promise<Desk> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await signInThroughApi(context, baseUrl, email);
    const me = (await (await context.request.get(`${baseUrl}/api/auth/me`)).json()) as { fullName: string };
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#/queue`);
    await page.locator('table tbody tr').first().waitFor();
    return { page, baseUrl, fullName: me.fullName };
}

export const openMediatorDesks = async (browser: Browser, baseA: string, baseB: string) => ({
    a: await openDesk(browser, baseA, DEMO_STAFF.mediator),
    b: await openDesk(browser, baseB, DEMO_STAFF.mediator2),
});

/** The "#123" of each queue row, top to bottom. */
export const rowIds = (page: Page) =>
    page
        .locator('table tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[1]?.textContent?.trim()));

/** A takes the most urgent case; B's queue, untouched, loses that row. Returns the dispute id. */
export async function pickUpDropsRow(a: Desk, b: Desk): Promise<number> {
    await expect.poll(() => rowIds(b.page)).toEqual(await rowIds(a.page));
    const [first] = await rowIds(b.page);

    await a.page.getByTestId('next-case').click();
    await a.page.waitForURL(/#\/disputes\/\d+\/show/);

    const id = Number(/#\/disputes\/(\d+)\/show/.exec(a.page.url())![1]);
    expect(`#${id}`).toBe(first);
    await expect.poll(() => rowIds(b.page), { timeout: LIVE_WITHIN_MS }).not.toContain(`#${id}`);
    return id;
}

const presence = (page: Page) => page.getByTestId('dispute-presence');

/** Both open the case; each sees the other among its viewers, and sees them leave. */
export async function eachSeesTheOther(a: Desk, b: Desk, id: number): Promise<void> {
    await b.page.goto(`${b.baseUrl}/#/disputes/${id}/show`);
    await b.page.getByTestId('dispute-case').waitFor();

    await expect.poll(() => presence(b.page).innerText()).toContain(a.fullName);
    await expect.poll(() => presence(a.page).innerText()).toContain(b.fullName);
    expect(await presence(a.page).innerText()).not.toContain(a.fullName);
}

/** A changes the case while B types: B is warned, reloads, and keeps the draft. */
export async function changeWarnsAndKeepsDraft(a: Desk, b: Desk): Promise<void> {
    const draft = 'Draft to the buyer: please send a photo of the label.';
    await b.page.getByTestId('dispute-messages').getByTestId('answer').click();
    const bBody = b.page.getByTestId('message-body');
    await bBody.fill(draft);

    const note = `Note from ${a.fullName}: seller called, parcel found.`;
    const aMessages = a.page.getByTestId('dispute-messages');
    await aMessages.getByTestId('answer').click();
    await aMessages.getByTestId('message-body').fill(note);
    await aMessages.getByTestId('message-send').click();

    const banner = b.page.getByTestId('dispute-changed');
    await expect.poll(() => banner.innerText()).toContain(a.fullName);
    expect(await bBody.inputValue()).toBe(draft);

    await banner.getByRole('button', { name: 'Reload' }).click();

    await banner.waitFor({ state: 'detached' });
    await b.page.getByTestId('dispute-messages').getByText(note).waitFor();
    expect(await bBody.inputValue()).toBe(draft);
}

/** A leaves the case: B's page stops showing them. */
export async function leavingEndsPresence(a: Desk, b: Desk): Promise<void> {
    await a.page.goto(`${a.baseUrl}/#/queue`);
    await presence(b.page).waitFor({ state: 'detached' });
}
