import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import type { Dispute } from '../../shared/schemas/records';
import {
    DEMO_STAFF,
    launchBrowser,
    signInThroughApi,
    startServer,
    type RunningServer,
    trackNetwork,
    waitForNetworkQuiet,
} from './browserHelpers';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Role = 'support' | 'mediator' | 'supervisor';

/** The violations that fail a screen, one paragraph each: rule, impact, help and where. */
function describeViolations(violations: Result[]): string {
    return violations
        .map((violation) => {
            const nodes = violation.nodes
                .slice(0, 5)
                .map(
                    (node) =>
                        `    ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, ' ')}`
                )
                .join('\n');
            return `${violation.id} (${violation.impact}, ${violation.nodes.length}×): ${violation.help}\n${nodes}`;
        })
        .join('\n');
}

describe('accessibility of the main screens (axe-core)', () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: Partial<Record<Role, BrowserContext>> = {};
    let ownCase: Dispute;
    let pendingCase: Dispute;

    async function as(role: Role): Promise<BrowserContext> {
        if (!contexts[role]) {
            contexts[role] = trackNetwork(
                await browser.newContext({ viewport: { width: 1440, height: 900 } })
            );
            await signInThroughApi(contexts[role], server.baseUrl, DEMO_STAFF[role]);
        }
        return contexts[role];
    }

    async function openAs(role: Role, hash: string, ready: (page: Page) => Promise<unknown>): Promise<Page> {
        const page = await (await as(role)).newPage();
        await page.goto(`${server.baseUrl}/#${hash}`);
        await ready(page);
        await waitForNetworkQuiet(page);
        return page;
    }

    /**
     * Runs axe on the page as it is (the SPA's CSP forbids an inline <script>, so axe's source is
     * evaluated through the debugging protocol) and expects no serious or critical violation.
     */
    async function expectNoSeriousViolation(page: Page) {
        // A settled screen: no spinner left (a load in flight is not what the user works with).
        await page.waitForFunction(() => !document.querySelector('.MuiCircularProgress-root'));
        await page.evaluate(AXE_SOURCE);
        const results = (await page.evaluate(() =>
            (
                window as unknown as {
                    axe: { run: (context: Document, options: object) => Promise<AxeResults> };
                }
            ).axe.run(document, { resultTypes: ['violations'] })
        )) as AxeResults;
        const serious = results.violations.filter(
            (violation) => violation.impact === 'serious' || violation.impact === 'critical'
        );
        expect(serious, `${page.url()}\n${describeViolations(serious)}`).toEqual([]);
        await page.close();
    }

    const rowsOf = (page: Page) => page.locator('.RaDataTable-tbody > tr').first().waitFor();
    /** The dashboard once every chart card has its data (none loading). */
    const chartsDrawn = (page: Page) =>
        page.waitForFunction(() => {
            const cards = document.querySelectorAll('[data-testid="dashboard"] [data-state]');
            return (
                cards.length > 0 && ![...cards].some((card) => card.getAttribute('data-state') === 'loading')
            );
        });

    beforeAll(async () => {
        server = await startServer();
        browser = await launchBrowser();
        const mediator = await as('mediator');
        const me = await mediator.request.get(`${server.baseUrl}/api/auth/me`);
        const { csrfToken } = (await me.json()) as { csrfToken: string };
        const query = (filter: object) =>
            `filter=${encodeURIComponent(JSON.stringify(filter))}&sort=["slaDueAt","ASC"]&range=[0,0]`;
        const [escalated] = (await (
            await mediator.request.get(`${server.baseUrl}/api/disputes?${query({ status: 'escalated' })}`)
        ).json()) as Dispute[];
        const pickup = await mediator.request.post(`${server.baseUrl}/api/disputes/${escalated.id}/pickup`, {
            headers: { 'X-CSRF-Token': csrfToken },
        });
        expect(pickup.status()).toBe(200);
        ownCase = (await pickup.json()) as Dispute;
        [pendingCase] = (await (
            await mediator.request.get(
                `${server.baseUrl}/api/disputes?${query({ status: 'pending_approval' })}`
            )
        ).json()) as Dispute[];
        expect(pendingCase, 'a demo ruling waiting for approval').toBeDefined();
    });

    afterAll(async () => {
        await browser?.close();
        await server?.stop();
    });

    it('passes on the login page', async () => {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}/`);
        await page.getByLabel('Email').waitFor();
        await expectNoSeriousViolation(page);
        await context.close();
    });

    const screens: [Role, string, string, (page: Page) => Promise<unknown>][] = [
        ['mediator', 'the queue', '/queue', rowsOf],
        ['mediator', 'my cases', '/queue/mine', rowsOf],
        ['support', 'the queue', '/queue', rowsOf],
        ['support', 'the dispute list', '/disputes', rowsOf],
        ['supervisor', 'the dashboard', '/', chartsDrawn],
        ['supervisor', 'the decisions', '/decisions', rowsOf],
        ['supervisor', 'the approval queue', '/decisions/approvals', rowsOf],
        ['supervisor', 'the buyers', '/buyers', rowsOf],
        ['supervisor', 'the audit events', '/audit-events', rowsOf],
    ];
    for (const [role, name, hash, ready] of screens) {
        it(`passes on ${name} (${role})`, async () => {
            await expectNoSeriousViolation(await openAs(role, hash, ready));
        });
    }

    it('passes on the dispute page, with the ruling form open and with the evidence request open (mediator)', async () => {
        const page = await openAs('mediator', `/disputes/${ownCase.id}/show`, (p) =>
            p.getByTestId('dispute-timeline').waitFor()
        );
        await expectNoSeriousViolation(page);

        const ruling = await openAs('mediator', `/disputes/${ownCase.id}/show`, (p) =>
            p.getByTestId('rule-open').click()
        );
        await ruling.getByTestId('ruling-dialog').waitFor();
        await expectNoSeriousViolation(ruling);

        const evidence = await openAs('mediator', `/disputes/${ownCase.id}/show`, (p) =>
            p.getByTestId('request-evidence').click()
        );
        await evidence.getByTestId('request-evidence-send').waitFor();
        await expectNoSeriousViolation(evidence);
    });

    it('passes on the dispute page of a ruling awaiting approval (supervisor) and for support', async () => {
        await expectNoSeriousViolation(
            await openAs('supervisor', `/disputes/${pendingCase.id}/show`, (p) =>
                p.getByTestId('decision-approve').waitFor()
            )
        );
        await expectNoSeriousViolation(
            await openAs('support', `/disputes/${ownCase.id}/show`, (p) =>
                p.getByTestId('dispute-timeline').waitFor()
            )
        );
    });

    it('shows where the keyboard focus is: a visible ring on each element that Tab reaches', async () => {
        const page = await openAs('mediator', '/queue', rowsOf);
        /** The focused element and whether it shows a ring: an outline, or a text field's thick border. */
        const focused = () =>
            page.evaluate(() => {
                const element = document.activeElement as HTMLElement;
                const style = getComputedStyle(element);
                const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                const field = element.closest('.MuiInputBase-root.Mui-focused');
                // Outlined fields thicken their border; filled ones grow a thick underline (::after).
                const border = field?.querySelector('.MuiOutlinedInput-notchedOutline');
                const underline = field && getComputedStyle(field, '::after');
                const fieldRing = border
                    ? parseFloat(getComputedStyle(border).borderTopWidth) >= 2
                    : !!underline && parseFloat(underline.borderBottomWidth) >= 2;
                const name = element.getAttribute('aria-label') ?? element.textContent?.slice(0, 30);
                return `${element.tagName} "${name}": ${outline || fieldRing ? 'ring' : 'none'}`;
            });
        const rings: string[] = [];
        // The app bar and the menu, then (through "Skip to content") the queue's own controls.
        for (let i = 0; i < 8; i++) {
            await page.keyboard.press('Tab');
            rings.push(await focused());
        }
        await page.keyboard.press('Shift+Tab');
        while (!(await focused()).includes('Skip to content')) await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Enter');
        for (let i = 0; i < 8; i++) {
            await page.keyboard.press('Tab');
            rings.push(await focused());
        }
        expect(
            rings.filter((ring) => ring.endsWith(': none')),
            rings.join('\n')
        ).toEqual([]);
        expect(rings.length).toBe(16);
        await page.close();
    });

    it('keeps the focus inside a dialog and gives it back to the button that opened it', async () => {
        const page = await openAs('mediator', `/disputes/${ownCase.id}/show`, (p) =>
            p.getByTestId('request-evidence').waitFor()
        );
        await page.getByTestId('request-evidence').focus();
        await page.keyboard.press('Enter');
        await page.getByTestId('request-evidence-send').waitFor();
        const outside: string[] = [];
        for (let i = 0; i < 25; i++) {
            await page.keyboard.press('Tab');
            const inside = await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));
            if (!inside)
                outside.push(
                    await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '')
                );
        }
        expect(outside).toEqual([]);
        await page.keyboard.press('Escape');
        await page.getByTestId('request-evidence-send').waitFor({ state: 'detached' });
        await expect
            .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
            .toBe('request-evidence');
        await page.close();
    });
});
