import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_STAFF, signedInBrowser } from './browserHelpers';

const app = signedInBrowser(DEMO_STAFF.supervisor);

const timeline = (page: Page) => page.getByTestId('dispute-timeline');
const entryTimes = (page: Page) =>
    timeline(page)
        .locator('ol > li time')
        .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));

describe('the case file', () => {
    it('shows the exact date and time beside the relative one', async () => {
        const page = await app.context.newPage();
        await page.goto(`${app.server.baseUrl}/#/disputes/14/show`);
        await timeline(page).locator('ol > li').first().waitFor();
        const exact = await page.getByTestId('exact-time').first().innerText();
        expect(exact).toMatch(/\d{4}/);
        expect(exact).toMatch(/\d{2}:\d{2}/);
        await page.close();
    });

    it('orders the timeline newest or oldest first, remembered, and filters it by kind', async () => {
        const page = await app.context.newPage();
        await page.goto(`${app.server.baseUrl}/#/disputes/14/show`);
        await timeline(page).locator('ol > li').first().waitFor();
        const oldestFirst = await entryTimes(page);
        expect([...oldestFirst].sort()).toEqual(oldestFirst);

        await timeline(page).getByRole('button', { name: 'Newest first' }).click();
        await expect.poll(() => entryTimes(page)).toEqual([...oldestFirst].reverse());
        await page.reload();
        await timeline(page).locator('ol > li').first().waitFor();
        expect(await entryTimes(page)).toEqual([...oldestFirst].reverse());

        for (const kind of ['Messages', 'Evidence', 'Offers', 'Status changes']) {
            await timeline(page).getByRole('button', { name: kind, exact: true }).click();
        }
        await page.getByTestId('timeline-all-hidden').waitFor();
        await timeline(page).getByRole('button', { name: 'Messages', exact: true }).click();
        await expect.poll(async () => (await entryTimes(page)).length).toBeLessThan(oldestFirst.length);
        await page.close();
    });
});

describe('the queue', () => {
    it('finds dispute 14 with #14 and shows counts beside the Waiting ages', async () => {
        const page = await app.context.newPage();
        await page.goto(`${app.server.baseUrl}/#/queue`);
        const ages = page.getByTestId('queue-facets').locator('[data-count]');
        await ages.first().waitFor();
        const facets = await page.getByTestId('queue-facets').innerText();
        expect(facets).toMatch(/Over 1 day\s+\d+/);
        expect(facets).toMatch(/Over 14 days\s+\d+/);
        await page.getByPlaceholder('Search').fill('#14');
        await expect
            .poll(() => page.locator('#main-content tbody tr').allInnerTexts())
            .toEqual([expect.stringContaining('#14')]);
        await page.close();
    });
});
