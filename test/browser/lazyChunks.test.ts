import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
    DEMO_STAFF,
    launchBrowser,
    signIn,
    startServer,
    trackNetwork,
    waitForNetworkQuiet,
    type RunningServer,
} from './browserHelpers';

/**
 * The first screen ships only what it needs: the chunks of the charts (MUI X Charts), the
 * lightbox and pdf.js (names set in client/vite.config.ts) load with the screens that use them.
 */
const LAZY_CHUNK = /\/assets\/(charts|lightbox|pdf|EvidenceViewer|PdfViewerDialog)[-.][\w.-]*\.m?js$/;
const chunkOf = (url: string) => LAZY_CHUNK.exec(new URL(url).pathname)?.[1];

describe('lazily loaded chunks', () => {
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

    /** A fresh browser (cold cache) that records the lazy chunks each page requests. */
    async function watchedPage(): Promise<{ page: Page; requested: string[] }> {
        const context = trackNetwork(await browser.newContext({ viewport: { width: 1440, height: 900 } }));
        const page = await context.newPage();
        const requested: string[] = [];
        page.on('request', (request) => {
            const chunk = chunkOf(request.url());
            if (chunk) requested.push(chunk);
        });
        return { page, requested };
    }

    it('builds the charts, the lightbox and pdf.js (and its worker) into chunks of those names', () => {
        const assets = fs.readdirSync(path.resolve('client/dist/assets'));
        for (const name of [/^charts-.*\.js$/, /^lightbox-.*\.js$/, /^pdf-.*\.js$/, /^pdf\.worker.*\.mjs$/]) {
            expect(
                assets.some((file) => name.test(file)),
                String(name)
            ).toBe(true);
        }
    });

    it('loads no charts, lightbox or PDF engine on the sign-in page and the queue', async () => {
        const { page, requested } = await watchedPage();
        await page.goto(`${server.baseUrl}/`);
        await page.getByLabel('Email').waitFor();
        await signIn(page, DEMO_STAFF.mediator);
        await page.waitForURL(/#\/queue/);
        await page.locator('table tbody tr').first().waitFor();
        // The whole screen is there: the facets' counts and the total have arrived too.
        await page.locator('[data-testid="queue-total"][data-total]').waitFor();
        await page.getByTestId('next-case').waitFor();

        expect(requested).toEqual([]);
        await page.context().close();
    });

    it('loads the charts when the supervisor opens the dashboard, and still no viewer', async () => {
        const { page, requested } = await watchedPage();
        await page.goto(`${server.baseUrl}/`);
        await signIn(page, DEMO_STAFF.supervisor);
        await page.getByTestId('dashboard').waitFor();
        await waitForNetworkQuiet(page);

        expect(requested).toEqual(['charts']);
        await page.context().close();
    });
});
