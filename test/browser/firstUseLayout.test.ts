import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_STAFF, serverAndBrowser, signIn } from './browserHelpers';

const WIDTHS = [1280, 1440];
const ROLES = ['support', 'mediator', 'supervisor'] as const;

/** How far the page scrolls sideways: its content width beyond the viewport. */
const sidewaysOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The hash routes of the sidebar's entries, plus My cases (a tab of the queue) where the role has it. */
async function screensOf(page: Page): Promise<string[]> {
    const sidebar = page.locator('.RaSidebar-fixed');
    await sidebar.getByRole('menuitem', { name: 'Disputes' }).waitFor();
    const hrefs = await sidebar
        .getByRole('menuitem')
        .evaluateAll((items) => items.map((item) => item.getAttribute('href') ?? ''));
    const routes = hrefs.filter((href) => href.startsWith('#/'));
    if (routes.includes('#/queue')) routes.push('#/queue/mine');
    return routes;
}

/** A wait for a screen to have drawn its data: the main area is there and nothing is loading. */
async function settle(page: Page) {
    await page.locator('#main-content').waitFor();
    await page.waitForFunction(
        () =>
            !document.querySelector(
                '.MuiLinearProgress-indeterminate, .MuiSkeleton-root, .MuiCircularProgress-indeterminate'
            )
    );
    // Late layout (fonts, charts measuring themselves) settles within a frame or two.
    await page.waitForTimeout(300);
}

describe('no screen scrolls sideways at 1280 px and up', () => {
    const app = serverAndBrowser();

    for (const role of ROLES) {
        it(`fits every screen of a ${role} into the window`, async () => {
            const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
            const page = await context.newPage();
            await page.goto(`${app.server.baseUrl}/`);
            await signIn(page, DEMO_STAFF[role]);
            const screens = [...(await screensOf(page)), '#/disputes/14/show'];
            const overflowing: string[] = [];
            for (const width of WIDTHS) {
                await page.setViewportSize({ width, height: 900 });
                for (const screen of screens) {
                    await page.goto(`${app.server.baseUrl}/${screen}`);
                    await settle(page);
                    const overflow = await sidewaysOverflow(page);
                    if (overflow > 1) overflowing.push(`${screen} at ${width} px: ${overflow} px too wide`);
                }
            }
            expect(overflowing).toEqual([]);
            await context.close();
        });
    }
});
