import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_STAFF, launchBrowser, signIn, startServer, type RunningServer } from './browserHelpers';

const CHARTS = [
    ['chart-queue', 'Queue size and age', ['Disputes in review', 'Mean age (days)']],
    ['chart-sla-breaches', 'SLA breaches', ['Review target missed', 'Hard limit missed']],
    ['chart-outcomes', 'Outcomes by reason', ['Full refund', 'Agreement', 'Withdrawn by buyer']],
    ['chart-mediators', 'Mediator throughput', ['Rulings issued']],
    ['chart-refunds', 'Refunds', ['Requested', 'Paid']],
] as const;

describe('the supervisor dashboard', () => {
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

    async function signedIn(email: string): Promise<Page> {
        const context = await browser.newContext({ viewport: { width: 1440, height: 1400 } });
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}/`);
        await signIn(page, email);
        return page;
    }

    it('is where a supervisor lands, with every chart drawn from the demo data and its legend', async () => {
        const page = await signedIn(DEMO_STAFF.supervisor);
        expect(new URL(page.url()).hash).toBe('#/');
        await page.getByTestId('dashboard').waitFor();
        for (const [testId, title, legend] of CHARTS) {
            const card = page.getByTestId(testId);
            await card.getByRole('heading', { name: new RegExp(`^${title}`) }).waitFor();
            await expect.poll(() => card.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
            // Drawn: an SVG with marks (bars or lines) in it, and a readable legend.
            await expect.poll(() => card.locator('svg path, svg rect').count()).toBeGreaterThan(3);
            for (const label of legend) await card.getByText(label, { exact: true }).first().waitFor();
        }
        // The numbers are the lists': the queue's last point is the disputes in review now.
        const queue = await page.context().request.get(`${server.baseUrl}/api/dashboard/queue`);
        const points = (await queue.json()).points as { size: number }[];
        const statuses = ['escalated', 'in_review', 'awaiting_evidence', 'pending_approval'];
        const list = await page
            .context()
            .request.get(
                `${server.baseUrl}/api/disputes?filter=${encodeURIComponent(JSON.stringify({ status: statuses }))}`
            );
        const total = Number(list.headers()['content-range'].split('/')[1]);
        expect(total).toBeGreaterThan(0);
        expect(points.at(-1)!.size).toBe(total);
        if (process.env.DASHBOARD_SCREENSHOT)
            await page.screenshot({ path: process.env.DASHBOARD_SCREENSHOT, fullPage: true });
        await page.context().close();
    });

    it('redraws for another period and bucket', async () => {
        const page = await signedIn(DEMO_STAFF.supervisor);
        const card = page.getByTestId('chart-sla-breaches');
        await expect.poll(() => card.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
        const requests: string[] = [];
        page.on('request', (request) => requests.push(request.url()));
        await page.getByRole('button', { name: 'Week' }).click();
        await expect
            .poll(() =>
                requests.some((url) => url.includes('/api/dashboard/queue') && url.includes('bucket=week'))
            )
            .toBe(true);
        await expect.poll(() => card.getAttribute('data-state')).toBe('ready');
        await page.context().close();
    });

    it('is not shipped to a mediator, who keeps the queue', async () => {
        const page = await signedIn(DEMO_STAFF.mediator);
        const scripts: string[] = [];
        page.on('request', (request) => scripts.push(request.url()));
        await page.waitForURL(/#\/queue/);
        await page.reload();
        await page.waitForURL(/#\/queue/);
        await page.locator('table').first().waitFor();
        expect(scripts.filter((url) => /\/assets\/(charts|SupervisorDashboard)-/.test(url))).toEqual([]);
        await page.context().close();
    });
});
