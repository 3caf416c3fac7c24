import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { minorToMajorText } from '../../client/src/common/amountInput';
import { fourEyesThreshold } from '../../shared/fourEyes';
import { percentOf } from '../../shared/money';
import { DEFAULT_POLICY } from '../../shared/policy';
import type { Dispute } from '../../shared/schemas/records';
import { DEMO_STAFF, launchBrowser, signIn, startServer, type RunningServer } from './browserHelpers';

const SECRET = 'rulings-browser-test-secret';
const SHOTS = path.join(os.tmpdir(), 'dispute-desk-rulings-screenshots');

const RATIONALE_BUYER =
    'Your photos support part of the claim and the seller answered the rest: half the price back.';
const RATIONALE_SELLER =
    'The buyer’s photos support part of the claim; your answer covers the rest: half is refunded.';

interface Received {
    id: string;
    type: string;
    audience: string | null;
    data: Record<string, unknown>;
    signatureValid: boolean;
}

/** The marketplace: answers 200 to every webhook and checks its Standard Webhooks signature. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
    const received: Received[] = [];
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const id = String(req.headers['webhook-id']);
            const timestamp = String(req.headers['webhook-timestamp']);
            const expected = Buffer.from(
                `v1,${createHmac('sha256', SECRET).update(`${id}.${timestamp}.${body}`).digest('base64')}`
            );
            const given = Buffer.from(String(req.headers['webhook-signature'] ?? ''));
            const event = JSON.parse(body) as Omit<Received, 'signatureValid'>;
            received.push({
                ...event,
                signatureValid: given.length === expected.length && timingSafeEqual(given, expected),
            });
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"received":true}');
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}/webhooks`,
        received,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}

describe('a ruling above the four-eyes threshold, from the form to the marketplace', () => {
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let server: RunningServer;
    let browser: Browser;
    let mediator: BrowserContext;
    let supervisor: BrowserContext;
    let mediatorPage: Page;
    let supervisorPage: Page;
    let dispute: Dispute;
    let halfAmount: number;

    const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

    const notification = (page: Page, text: string) =>
        page.locator('.MuiSnackbarContent-message').filter({ hasText: text }).first().waitFor();

    const api = async <T>(context: BrowserContext, url: string): Promise<T> => {
        const response = await context.request.get(`${server.baseUrl}/api${url}`);
        expect(response.status(), url).toBe(200);
        return (await response.json()) as T;
    };
    const filter = (value: object) => encodeURIComponent(JSON.stringify(value));

    beforeAll(async () => {
        fs.mkdirSync(SHOTS, { recursive: true });
        receiver = await startReceiver();
        // startServer passes this process's environment on to the server.
        process.env.MARKETPLACE_WEBHOOK_URL = receiver.url;
        process.env.MARKETPLACE_WEBHOOK_SECRET = SECRET;
        process.env.WEBHOOK_POLL_MS = '200';
        server = await startServer();
        browser = await launchBrowser();
        mediator = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
        supervisor = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
        mediatorPage = await mediator.newPage();
        supervisorPage = await supervisor.newPage();
        await mediatorPage.goto(`${server.baseUrl}/`);
        await signIn(mediatorPage, DEMO_STAFF.mediator);
        await supervisorPage.goto(`${server.baseUrl}/`);
        await signIn(supervisorPage, DEMO_STAFF.supervisor);
    });

    afterAll(async () => {
        await browser?.close();
        await server?.stop();
        await receiver?.close();
        delete process.env.MARKETPLACE_WEBHOOK_URL;
        delete process.env.MARKETPLACE_WEBHOOK_SECRET;
        delete process.env.WEBHOOK_POLL_MS;
    });

    it('lets the mediator rule a partial refund that then waits for a supervisor, telling nobody yet', async () => {
        // An escalated case whose half refund reaches the threshold of its currency.
        const escalated = await api<Dispute[]>(
            mediator,
            `/disputes?filter=${filter({ status: 'escalated', goodsReceived: true })}&range=[0,199]`
        );
        dispute = escalated.find(
            (candidate) =>
                percentOf(candidate.orderTotal, 50) >= fourEyesThreshold(DEFAULT_POLICY, candidate.currency)
        )!;
        expect(dispute, 'an escalated dispute worth a four-eyes ruling').toBeDefined();
        halfAmount = percentOf(dispute.orderTotal, DEFAULT_POLICY.partialRefundGuidancePercent);

        const page = mediatorPage;
        await page.goto(`${server.baseUrl}/#/disputes/${dispute.id}/show`);
        // A change of hash only: wait for the case page (the queue's rows have pick-up buttons too).
        await page.getByTestId('dispute-case').waitFor();
        await page.getByTestId('pick-up').click();
        await page
            .getByRole('dialog')
            .getByRole('button', { name: /pick up/i })
            .click();
        await page.getByTestId('dispute-case').locator('[data-status="in_review"]').waitFor();

        await page.getByTestId('rule-open').click();
        const dialog = page.getByTestId('ruling-dialog');
        await dialog.getByTestId('ruling-guidance').getByText('Sellers commonly agree up to 50 %').waitFor();
        await dialog.getByTestId('ruling-quick-half').click();
        expect(await dialog.getByTestId('ruling-amount').inputValue()).toBe(
            minorToMajorText(halfAmount, dispute.currency)
        );

        // Too short: the form says so on the field and stays.
        await dialog.getByTestId('ruling-rationale-buyer').fill('Too short.');
        await dialog.getByTestId('ruling-review').click();
        await dialog.getByText('must be at least 30 characters').first().waitFor();
        expect(await dialog.getByTestId('ruling-counter-buyer').innerText()).toBe('10 / at least 30');

        await dialog.getByTestId('ruling-rationale-buyer').fill(RATIONALE_BUYER);
        await dialog.getByTestId('ruling-rationale-seller').fill(RATIONALE_SELLER);
        const evidence = dialog.getByTestId('ruling-evidence-item').locator('input');
        if ((await evidence.count()) > 0) await evidence.first().check();
        await shot(page, '1-ruling-form');

        await dialog.getByTestId('ruling-review').click();
        const confirmation = dialog.getByTestId('ruling-confirmation');
        await confirmation.waitFor();
        await confirmation.getByTestId('ruling-needs-approval').waitFor();
        const buyerSide = await confirmation.getByTestId('ruling-confirm-buyer').innerText();
        const sellerSide = await confirmation.getByTestId('ruling-confirm-seller').innerText();
        expect(buyerSide).toContain('Partial refund');
        expect(buyerSide).toContain(RATIONALE_BUYER);
        expect(buyerSide).not.toContain(RATIONALE_SELLER);
        expect(sellerSide).toContain(RATIONALE_SELLER);
        expect(sellerSide).not.toContain(RATIONALE_BUYER);
        await shot(page, '2-ruling-confirmation');

        const far = confirmation.getByTestId('ruling-far-confirm');
        if ((await far.count()) > 0) await far.check();
        await dialog.getByTestId('ruling-submit').click();
        await notification(page, `Ruling on dispute #${dispute.id} sent for a supervisor’s approval`);
        const card = page.getByTestId('decision-status');
        await card.locator('[data-testid="decision-status-chip"][data-status="pending_approval"]').waitFor();
        // The mediator may not approve (their own ruling, and not a supervisor).
        expect(await card.getByTestId('decision-approve').count()).toBe(0);
        await shot(page, '3-pending-approval');

        const decisions = await api<{ status: string; refundAmount: number; rationaleBuyer: string }[]>(
            mediator,
            `/decisions?filter=${filter({ disputeId: dispute.id })}`
        );
        expect(decisions).toEqual([
            expect.objectContaining({
                status: 'pending_approval',
                refundAmount: halfAmount,
                rationaleBuyer: RATIONALE_BUYER,
            }),
        ]);
        const queued = await api<{ type: string }[]>(
            supervisor,
            `/outbox-events?filter=${filter({ disputeId: dispute.id, type: 'dispute.decided' })}`
        );
        expect(queued).toEqual([]);
    });

    it('shows the ruling in the supervisors’ approval queue and lets a supervisor approve it', async () => {
        const page = supervisorPage;
        await page.getByTestId('menu-approvals').click();
        await page.waitForURL(/#\/decisions\/approvals/);
        const row = page.locator('tbody tr').filter({ hasText: `#${dispute.id}` });
        await row.waitFor();
        await shot(page, '4-approval-queue');
        await row.getByTestId('approval-waiting').click();
        await page.waitForURL(new RegExp(`#/disputes/${dispute.id}/show`));

        const card = page.getByTestId('decision-status');
        await card.getByTestId('decision-approve').click();
        const dialog = page.getByTestId('approve-dialog');
        expect(await dialog.getByTestId('decision-summary').innerText()).toContain('Partial refund');
        await dialog.getByTestId('approve-dialog-comment').fill('Photos checked, half is fair.');
        await dialog.getByTestId('approve-dialog-confirm').click();

        await card.locator('[data-testid="decision-status-chip"][data-status="issued"]').waitFor();
        await card.getByText('Photos checked, half is fair.').waitFor();
        await card.getByTestId('refund-status').waitFor();
        await page.getByTestId('dispute-case').locator('[data-status="decided"]').waitFor();
        await shot(page, '5-approved');
    });

    it('shows both parties’ dispute.decided events delivered on the deliveries screen', async () => {
        const page = supervisorPage;
        const url = `${server.baseUrl}/#/outbox-events?filter=${filter({ disputeId: dispute.id, type: 'dispute.decided' })}`;
        await page.goto(url);
        const rows = page.locator('tbody tr');
        await expect
            .poll(
                async () => {
                    await page.reload();
                    await rows.first().waitFor();
                    return rows.locator('[data-testid="outbox-status"][data-status="delivered"]').count();
                },
                { timeout: 30_000, interval: 1_000 }
            )
            .toBe(2);
        const audiences = await rows.getByTestId('outbox-audience').allInnerTexts();
        expect(audiences.sort()).toEqual(['Buyer', 'Seller']);
        await shot(page, '6-deliveries');

        await rows.first().click();
        const attempts = page.getByTestId('delivery-attempts-card');
        await attempts.getByTestId('delivery-status').filter({ hasText: '200' }).first().waitFor();
        await shot(page, '7-delivery-attempts');

        // What the marketplace got: one signed payload per party, each with its own rationale only.
        const decided = receiver.received.filter(
            (event) => event.type === 'dispute.decided' && event.data.disputeId === dispute.id
        );
        expect(decided.map((event) => event.audience).sort()).toEqual(['buyer', 'seller']);
        for (const event of decided) {
            expect(event.signatureValid).toBe(true);
            expect(event.data).toMatchObject({ outcome: 'partial_refund', refundAmount: halfAmount });
            expect(event.data.rationale).toBe(
                event.audience === 'buyer' ? RATIONALE_BUYER : RATIONALE_SELLER
            );
        }
    });
});
