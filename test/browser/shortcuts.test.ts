import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Dispute } from '../../shared/schemas/records';
import {
    DEMO_STAFF,
    launchBrowser,
    signInThroughApi,
    startServer,
    type RunningServer,
} from './browserHelpers';

describe('keyboard shortcuts', () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: Partial<Record<keyof typeof DEMO_STAFF, BrowserContext>> = {};

    const filter = (value: object) => encodeURIComponent(JSON.stringify(value));
    const rows = (page: Page) => page.locator('.RaDataTable-tbody > tr');
    const selectedRows = (page: Page) => page.locator('.RaDataTable-tbody > tr[aria-selected="true"]');
    const dialogs = (page: Page) => page.getByRole('dialog');
    const showId = (page: Page) => Number(/#\/disputes\/(\d+)\/show/.exec(page.url())?.[1]);

    async function signedInContext(who: keyof typeof DEMO_STAFF): Promise<BrowserContext> {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        await signInThroughApi(context, server.baseUrl, DEMO_STAFF[who]);
        return context;
    }

    async function as(who: keyof typeof DEMO_STAFF): Promise<BrowserContext> {
        contexts[who] ??= await signedInContext(who);
        return contexts[who];
    }

    async function open(who: keyof typeof DEMO_STAFF, hash: string): Promise<Page> {
        const page = await (await as(who)).newPage();
        await page.goto(`${server.baseUrl}/#${hash}`);
        return page;
    }

    async function disputes(who: keyof typeof DEMO_STAFF, where: object): Promise<Dispute[]> {
        const context = await as(who);
        const response = await context.request.get(
            `${server.baseUrl}/api/disputes?filter=${filter(where)}&sort=["slaDueAt","ASC"]&range=[0,49]`
        );
        expect(response.status()).toBe(200);
        return (await response.json()) as Dispute[];
    }

    /** The mediator's own dispute in review: one picked up through the API. */
    async function ownDisputeInReview(): Promise<Dispute> {
        const [escalated] = await disputes('mediator', { status: 'escalated', assigneeId: null });
        const context = await as('mediator');
        const me = await context.request.get(`${server.baseUrl}/api/auth/me`);
        const { csrfToken } = (await me.json()) as { csrfToken: string };
        const response = await context.request.post(`${server.baseUrl}/api/disputes/${escalated.id}/pickup`, {
            headers: { 'X-CSRF-Token': csrfToken },
        });
        expect(response.status()).toBe(200);
        return (await response.json()) as Dispute;
    }

    /** The shortcut help, opened with `?`: the keys it lists, by group. */
    async function helpOf(page: Page): Promise<Record<string, string[]>> {
        await page.keyboard.press('Shift+Slash');
        const dialog = page.getByTestId('shortcuts-dialog');
        await dialog.waitFor();
        const groups: Record<string, string[]> = {};
        for (const group of ['list', 'case', 'global']) {
            const section = dialog.getByTestId(`shortcuts-${group}`);
            if ((await section.count()) === 0) continue;
            groups[group] = (await section.locator('kbd').allInnerTexts()).map((text) => text.trim());
        }
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        return groups;
    }

    beforeAll(async () => {
        server = await startServer();
        browser = await launchBrowser();
    });

    afterAll(async () => {
        await browser?.close();
        await server?.stop();
    });

    it('moves a highlighted selection through the queue with J and K, and opens it with Enter', async () => {
        const page = await open('mediator', '/queue');
        await rows(page).nth(2).waitFor();
        const ids = await rows(page).evaluateAll((trs) =>
            trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent)
        );
        expect(await selectedRows(page).count()).toBe(0);
        const plain = await rows(page)
            .nth(1)
            .evaluate((tr) => getComputedStyle(tr).backgroundColor);

        await page.keyboard.press('j');
        await page.keyboard.press('j');
        await expect.poll(() => selectedRows(page).count()).toBe(1);
        expect(await rows(page).nth(1).getAttribute('aria-selected')).toBe('true');
        expect(await rows(page).nth(0).getAttribute('aria-selected')).toBe('false');
        const highlighted = await rows(page)
            .nth(1)
            .evaluate((tr) => getComputedStyle(tr).backgroundColor);
        expect(highlighted).not.toBe(plain);
        // Only the selected row shows the P hint on its "Pick up" button.
        expect(await rows(page).nth(1).getByTestId('key-hint-p').isVisible()).toBe(true);
        expect(await rows(page).nth(0).getByTestId('key-hint-p').isVisible()).toBe(false);

        await page.keyboard.press('k');
        await expect.poll(() => rows(page).nth(0).getAttribute('aria-selected')).toBe('true');
        // The same moves as visible buttons.
        await page.getByTestId('row-next').click();
        await expect.poll(() => rows(page).nth(1).getAttribute('aria-selected')).toBe('true');
        await page.getByTestId('row-previous').click();
        await expect.poll(() => rows(page).nth(0).getAttribute('aria-selected')).toBe('true');

        // A selection far down is scrolled into view.
        for (let i = 0; i < 24; i++) await page.keyboard.press('j');
        await expect.poll(() => rows(page).nth(24).getAttribute('aria-selected')).toBe('true');
        const { top, bottom } = await rows(page)
            .nth(24)
            .evaluate((tr) => tr.getBoundingClientRect().toJSON() as DOMRect);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(bottom).toBeLessThanOrEqual(900 + 1);

        await page.keyboard.press('Enter');
        await page.waitForURL(/#\/disputes\/\d+\/show/);
        expect(`#${showId(page)}`).toBe(ids[24]);
        await page.close();
    });

    it('picks up the selected case with P, after the same confirmation as the button', async () => {
        const page = await open('mediator', '/queue');
        await rows(page).nth(1).waitFor();
        const [, second] = await disputes('mediator', { status: 'escalated', assigneeId: null });
        await page.keyboard.press('j');
        await page.keyboard.press('j');
        await expect.poll(() => rows(page).nth(1).getAttribute('aria-selected')).toBe('true');

        await page.keyboard.press('p');
        const confirm = dialogs(page);
        await confirm.getByText(`Pick up dispute #${second.id}`, { exact: false }).waitFor();
        await confirm.getByRole('button', { name: /pick up/i }).click();
        await page.waitForURL(new RegExp(`#/disputes/${second.id}/show`));
        await page.getByTestId('dispute-case').locator('[data-status="in_review"]').waitFor();
        await page.close();
    });

    it('takes the next case with N (here from My cases)', async () => {
        const page = await open('mediator', '/queue/mine');
        await page.getByTestId('next-case').first().waitFor();
        const [mostUrgent] = await disputes('mediator', { status: 'escalated', assigneeId: null });
        await page.keyboard.press('n');
        await page.waitForURL(new RegExp(`#/disputes/${mostUrgent.id}/show`));
        await page.close();
    });

    it('types P and J into the search box without selecting, picking up or opening anything', async () => {
        // Its own browser: the queue remembers its search (react-admin's store, in localStorage), and a
        // slow machine can store "pjn" before the page closes, leaving the next tests an empty queue.
        const context = await signedInContext('mediator');
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}/#/queue`);
        await rows(page).nth(1).waitFor();
        const search = page.getByPlaceholder('Search');
        await search.click();
        await page.keyboard.type('pjn');
        await page.keyboard.press('Enter');
        expect(await search.inputValue()).toBe('pjn');
        expect(await dialogs(page).count()).toBe(0);
        expect(await selectedRows(page).count()).toBe(0);
        expect(page.url()).toMatch(/#\/queue/);
        await context.close();
    });

    it('does nothing while a dialog is open', async () => {
        const page = await open('mediator', '/queue');
        await rows(page).nth(1).waitFor();
        await page.getByTestId('shortcuts-button').click();
        await page.getByTestId('shortcuts-dialog').waitFor();
        await page.keyboard.press('j');
        await page.keyboard.press('n');
        await page.keyboard.press('p');
        expect(await selectedRows(page).count()).toBe(0);
        expect(page.url()).toMatch(/#\/queue$/);
        expect(await dialogs(page).count()).toBe(1);
        await page.keyboard.press('Escape');
        await page.getByTestId('shortcuts-dialog').waitFor({ state: 'detached' });
        await page.keyboard.press('j');
        await expect.poll(() => selectedRows(page).count()).toBe(1);
        // On a Russian layout the J key types "о": the key's place counts, not its letter.
        await page.evaluate(() =>
            document.body.dispatchEvent(
                new KeyboardEvent('keydown', { key: 'о', code: 'KeyJ', bubbles: true })
            )
        );
        await expect.poll(() => rows(page).nth(1).getAttribute('aria-selected')).toBe('true');
        await page.close();
    });

    it('lists the shortcuts of the screen with ?, grouped', async () => {
        const page = await open('mediator', '/queue');
        await rows(page).nth(1).waitFor();
        expect(await helpOf(page)).toEqual({ list: ['J', 'K', 'Enter', 'P', 'N'], global: ['?'] });
        await page.getByTestId('shortcuts-button').click();
        const dialog = page.getByTestId('shortcuts-dialog');
        await dialog.getByText('Pick up the selected case').waitFor();
        await dialog.getByText('Take the next case of the queue').waitFor();
        await page.keyboard.press('Escape');
        await page.close();
    });

    it('works the case page with E, M and R', async () => {
        const dispute = await ownDisputeInReview();
        const page = await open('mediator', `/disputes/${dispute.id}/show`);
        await page.getByTestId('rule-open').waitFor();
        await page.getByTestId('answer').waitFor();
        expect(await helpOf(page)).toEqual({ case: ['E', 'M', 'R'], global: ['?'] });
        // Each key is shown on its button.
        expect(await page.getByTestId('request-evidence').getByTestId('key-hint-e').isVisible()).toBe(true);
        expect(await page.getByTestId('answer').getAttribute('aria-keyshortcuts')).toBe('M');

        await page.keyboard.press('e');
        await page.getByText(`Request evidence on dispute #${dispute.id}`, { exact: false }).waitFor();
        await page.keyboard.press('Escape');
        await expect.poll(() => dialogs(page).count()).toBe(0);

        await page.keyboard.press('m');
        await page.getByTestId('message-composer').waitFor();
        await expect
            .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
            .toBe('message-body');
        // Typing in the composer is typing: R writes an "r", it does not open the ruling form.
        await page.keyboard.type('ar');
        expect(await page.getByTestId('message-body').inputValue()).toBe('ar');
        expect(await page.getByTestId('ruling-dialog').count()).toBe(0);

        await page.evaluate(() => (document.activeElement as HTMLElement).blur());
        await page.keyboard.press('r');
        await page.getByTestId('ruling-dialog').waitFor();
        await page.close();
    });

    it('approves and rejects with A and X for a supervisor, and not for the mediator', async () => {
        const [pending] = await disputes('supervisor', { status: 'pending_approval' });
        expect(pending, 'a demo ruling waiting for approval').toBeDefined();
        const page = await open('supervisor', `/disputes/${pending.id}/show`);
        await page.getByTestId('decision-approve').waitFor();
        expect((await helpOf(page)).case).toEqual(expect.arrayContaining(['A', 'X']));

        await page.keyboard.press('a');
        await page.getByTestId('approve-dialog').waitFor();
        await page.keyboard.press('Escape');
        await expect.poll(() => dialogs(page).count()).toBe(0);
        await page.keyboard.press('x');
        await page.getByTestId('reject-dialog').waitFor();
        await page.keyboard.press('Escape');
        await page.close();

        const mediatorPage = await open('mediator', `/disputes/${pending.id}/show`);
        await mediatorPage.getByTestId('decision-status').waitFor();
        await mediatorPage.getByTestId('dispute-timeline').waitFor();
        await mediatorPage.keyboard.press('a');
        await mediatorPage.keyboard.press('x');
        expect(await dialogs(mediatorPage).count()).toBe(0);
        expect(await mediatorPage.getByTestId('decision-approve').count()).toBe(0);
        expect((await helpOf(mediatorPage)).case ?? []).not.toContain('A');
        await mediatorPage.close();
    });

    it("gives a support user's P nothing to do: no pick-up button and no pick-up", async () => {
        const page = await open('support', '/queue');
        await rows(page).nth(1).waitFor();
        expect(await page.getByTestId('pick-up').count()).toBe(0);
        await page.keyboard.press('j');
        await expect.poll(() => selectedRows(page).count()).toBe(1);
        const before = await disputes('support', { status: 'escalated', assigneeId: null });
        await page.keyboard.press('p');
        await page.keyboard.press('n');
        expect(await dialogs(page).count()).toBe(0);
        expect(page.url()).toMatch(/#\/queue$/);
        expect(await disputes('support', { status: 'escalated', assigneeId: null })).toEqual(before);
        expect(await helpOf(page)).toEqual({ list: ['J', 'K', 'Enter'], global: ['?'] });
        await page.close();
    });
});
