import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_STAFF, launchBrowser, signIn, startServer, type RunningServer } from './browserHelpers';

const QUEUE = { status: 'escalated', assigneeId: null };

describe('the escalation queue', () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    /** The queue as the API sees it: the most urgent ids first, and its size. */
    async function queueFromApi(): Promise<{ ids: number[]; total: number }> {
        const query = new URLSearchParams({
            filter: JSON.stringify(QUEUE),
            sort: JSON.stringify(['slaDueAt', 'ASC']),
            range: JSON.stringify([0, 24]),
        });
        const response = await context.request.get(`${server.baseUrl}/api/disputes?${query}`);
        expect(response.status()).toBe(200);
        const rows = (await response.json()) as { id: number }[];
        const total = Number(response.headers()['content-range']?.split('/')[1]);
        return { ids: rows.map((row) => row.id), total };
    }

    /** The "#123" of each row, top to bottom. */
    const rowIds = (target: Page) =>
        target
            .locator('table tbody tr')
            .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[1]?.textContent?.trim()));

    beforeAll(async () => {
        server = await startServer();
        browser = await launchBrowser();
        context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        page = await context.newPage();
        await page.goto(`${server.baseUrl}/`);
        await signIn(page, DEMO_STAFF.mediator);
    });

    afterAll(async () => {
        await browser?.close();
        await server?.stop();
    });

    it('lands a mediator on the queue, most urgent first, with its size', async () => {
        await page.waitForURL(/#\/queue/);
        const queue = await queueFromApi();
        expect(queue.total).toBeGreaterThan(25);

        await expect
            .poll(() => page.getByTestId('queue-total').getAttribute('data-total'))
            .toBe(String(queue.total));
        await page.getByText(`1-25 of ${queue.total}`).waitFor();
        await expect.poll(() => rowIds(page)).toEqual(queue.ids.map((id) => `#${id}`));
        // Each row carries its SLA bar; the most urgent are overdue in the demo data.
        expect(await page.locator('table tbody tr').first().locator('[data-sla-state]').count()).toBe(1);
        expect(await page.getByTestId('next-case').isVisible()).toBe(true);
    });

    it('takes the next case, opens it in review with the mediator as assignee, and lists it under My cases', async () => {
        const me = (await (await context.request.get(`${server.baseUrl}/api/auth/me`)).json()) as {
            fullName: string;
        };
        await page.goto(`${server.baseUrl}/#/queue`);
        await page.locator('table tbody tr').first().waitFor();
        const [mostUrgent] = (await queueFromApi()).ids;

        await page.getByTestId('next-case').click();

        await page.waitForURL(/#\/disputes\/\d+\/show/);
        const id = Number(/#\/disputes\/(\d+)\/show/.exec(page.url())![1]);
        expect(id).toBe(mostUrgent);
        await page.getByText(`Dispute #${id} is yours`).waitFor();
        const caseCard = page.getByTestId('dispute-case');
        await caseCard.locator('[data-status="in_review"]').waitFor();
        await expect.poll(() => caseCard.innerText()).toContain(me.fullName);
        // The pick-up is the newest step of the timeline.
        await expect
            .poll(() => page.getByTestId('dispute-timeline').locator('li').last().innerText())
            .toContain('Picked up');
        // Holding it, the mediator may release it; nobody picks up a held dispute.
        await page.getByTestId('release').waitFor();
        expect(await page.getByTestId('pick-up').count()).toBe(0);

        await page.getByRole('menuitem', { name: 'Queue' }).click();
        await page.getByTestId('tab-mine').click();
        await page.waitForURL(/#\/queue\/mine/);
        await expect.poll(() => rowIds(page)).toContain(`#${id}`);
    });

    it('tells the mediator when no queued dispute matches the filters', async () => {
        const filter = encodeURIComponent(JSON.stringify({ currency: 'XTS' }));
        await page.goto(`${server.baseUrl}/#/queue?filter=${filter}`);
        await page.getByText('No dispute in the queue matches these filters').waitFor();

        await page.getByTestId('next-case').click();

        await page.getByText('No dispute matches these filters', { exact: true }).waitFor();
        expect(page.url()).toMatch(/#\/queue/);
    });
});
