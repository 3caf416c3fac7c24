/**
 * The first screen of the built SPA, served by the real server (fresh demo data), in headless
 * Chromium with a cold cache (a new browser context per run): the time from submitting the sign-in
 * form to the first queue rows, and the gzipped JavaScript loaded until then (every JS response of
 * the run, each body gzip-compressed with zlib). BENCH_SPA_RUNS sets the number of runs (default 5).
 * Builds client/dist only when it is missing: run `npm run build:client` after changing the client.
 * BENCH_SPA_DETAIL=1 prints, per run, every request from the submit to the rows (the breakdown).
 */
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_STAFF, launchBrowser, startServer } from '../browser/browserHelpers';
import { ms, summary } from './benchSupport';
import { recordTimeline } from './spaTimeline';

const RUNS = Number(process.env.BENCH_SPA_RUNS ?? 5);
const DETAIL = process.env.BENCH_SPA_DETAIL === '1';
const TARGET_MS = 1500;
const TARGET_GZIP_KB = 350;

interface Run {
    ms: number;
    gzipBytes: number;
    files: number;
    timeline: string[];
}

const isJavaScript = (response: Response) =>
    /javascript/.test(response.headers()['content-type'] ?? '') ||
    new URL(response.url()).pathname.endsWith('.js');

async function measureOnce(browser: Browser, baseUrl: string): Promise<Run> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
        const page = await context.newPage();
        const bodies: Promise<Buffer>[] = [];
        const timeline = recordTimeline(page);
        page.on('response', (response) => {
            if (isJavaScript(response)) bodies.push(response.body());
        });
        await page.goto(`${baseUrl}/`);
        await page.waitForURL(/#\/login/);
        await page.getByLabel('Email').fill(DEMO_STAFF.mediator);
        await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
        const started = timeline.start();
        await page.keyboard.press('Enter');
        await page.locator('table tbody tr').first().waitFor({ state: 'visible' });
        const elapsed = performance.now() - started;
        const loaded = [...bodies];
        const gzipBytes = (await Promise.all(loaded)).reduce((sum, body) => sum + gzipSync(body).length, 0);
        return { ms: elapsed, gzipBytes, files: loaded.length, timeline: timeline.describe(elapsed) };
    } finally {
        await context.close();
    }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');

const server = await startServer();
const browser = await launchBrowser();
try {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
        const run = await measureOnce(browser, server.baseUrl);
        runs.push(run);
        console.log(
            `[spa] run ${i + 1}: sign-in → first queue rows ${ms(run.ms)}; ` +
                `${run.files} JS files, ${kb(run.gzipBytes)} gzipped`
        );
        if (DETAIL) for (const line of run.timeline) console.log(`[spa]   ${line}`);
    }
    const time = summary(runs.map((run) => run.ms));
    // The time is mostly the browser's own work (JavaScript, layout): it grows with the machine's load.
    const load = os.loadavg().map((n) => n.toFixed(1));
    console.log(`[spa] machine: ${os.cpus().length} CPUs, load average ${load.join(' / ')} (1 / 5 / 15 min)`);
    const bytes = summary(runs.map((run) => run.gzipBytes));
    console.log(
        `[spa] sign-in → first queue rows p50 ${ms(time.p50)} over ${time.n} cold runs ` +
            `(target ≤ ${ms(TARGET_MS)}: ${verdict(time.p50 <= TARGET_MS)})`
    );
    console.log(
        `[spa] first screen JavaScript ${kb(bytes.p50)} gzipped ` +
            `(target ≤ ${TARGET_GZIP_KB} KB: ${verdict(bytes.p50 <= TARGET_GZIP_KB * 1024)})`
    );
} finally {
    await browser.close();
    await server.stop();
}
