import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Dispute } from '../../server/src/entities';
import { buildBuyer, buildDispute, buildOrder, DAY } from '../helpers/factories';
import { integrationPost, openDisputeBody, openThroughApi } from '../helpers/integration';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

const MINUTE = 60_000;

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set(TEST_NOW));

/** The app's clock moved by this many milliseconds, as ISO 8601. */
const at = (ms: number) => new Date(ctx.clock.now().getTime() + ms).toISOString();
const open = (overrides: Parameters<typeof openDisputeBody>[1]) =>
    integrationPost(ctx, '/disputes', openDisputeBody(ctx, overrides));

describe('POST /integration/v1/disputes: when a dispute may be opened', () => {
    it('refuses an opening one minute before policy.openAfterShipmentDays after shipment (422)', async () => {
        const days = ctx.config.policy.openAfterShipmentDays;
        const res = await open({ order: { shippedAt: at(-days * DAY + MINUTE) } });
        expect(res.status).toBe(422);
        expect(res.body.message).toMatch(
            new RegExp(`Too early.*can be opened from .*${days} days after shipment`)
        );
    });

    it('accepts an opening exactly at, and one minute after, policy.openAfterShipmentDays', async () => {
        const days = ctx.config.policy.openAfterShipmentDays;
        expect((await open({ order: { shippedAt: at(-days * DAY) } })).status).toBe(201);
        expect((await open({ order: { shippedAt: at(-days * DAY - MINUTE) } })).status).toBe(201);
    });

    it('refuses an order without shipment or without tracking number (422)', async () => {
        const unshipped = await open({ order: { shippedAt: null } });
        expect(unshipped.status).toBe(422);
        expect(unshipped.body.message).toMatch(/has not shipped with a tracking number/);
        expect(unshipped.body.errors).toEqual({ 'order.shippedAt': 'is required to open a dispute' });
        const untracked = await open({ order: { trackingNumber: null } });
        expect(untracked.status).toBe(422);
        expect(untracked.body.errors).toEqual({ 'order.trackingNumber': 'is required to open a dispute' });
    });

    it('refuses an opening one minute later than policy.openBeforeCompletionDays after completion (422)', async () => {
        const days = ctx.config.policy.openBeforeCompletionDays;
        const shippedAt = at(-(days + 10) * DAY);
        const late = await open({ order: { shippedAt, completedAt: at(-days * DAY - MINUTE) } });
        expect(late.status).toBe(422);
        expect(late.body.message).toMatch(new RegExp(`Too late.*${days} days after completion`));
        const inTime = await open({ order: { shippedAt, completedAt: at(-days * DAY + MINUTE) } });
        expect(inTime.status).toBe(201);
    });

    it('refuses an opening once the protection ended, and accepts one a minute before (422 / 201)', async () => {
        const expired = await open({ order: { protectionEndsAt: at(-MINUTE) } });
        expect(expired.status).toBe(422);
        expect(expired.body.message).toMatch(/protection of order .* expired on/);
        expect((await open({ order: { protectionEndsAt: at(0) } })).status).toBe(422);
        expect((await open({ order: { protectionEndsAt: at(MINUTE) } })).status).toBe(201);
    });

    it('refuses a second dispute on an order whose dispute is still open, and allows it once withdrawn', async () => {
        const body = openDisputeBody(ctx);
        const first = await integrationPost(ctx, '/disputes', body);
        expect(first.status).toBe(201);
        const second = await integrationPost(ctx, '/disputes', body);
        expect(second.status).toBe(422);
        expect(second.body.message).toBe(
            `Order ${body.order.externalId} already has an open dispute (${first.body.id}, opened)`
        );
        expect((await integrationPost(ctx, `/disputes/${first.body.id}/withdraw`, {})).status).toBe(200);
        expect((await integrationPost(ctx, '/disputes', body)).status).toBe(201);
    });

    it('opens one dispute when 10 requests with different keys race to open one on the same order', async () => {
        const body = openDisputeBody(ctx);
        const results = await Promise.all(
            Array.from({ length: 10 }, () => integrationPost(ctx, '/disputes', body))
        );
        expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(422)]);
        const orderId = results.find((r) => r.status === 201)!.body.orderId;
        expect(await ctx.dataSource.getRepository(Dispute).countBy({ orderId })).toBe(1);
    });

    it('refuses a new dispute on an order where the buyer accepted an offer (422)', async () => {
        const body = openDisputeBody(ctx);
        const opened = (await integrationPost(ctx, '/disputes', body)).body;
        const offer = await integrationPost(ctx, `/disputes/${opened.id}/offers`, {
            solution: 'partial_refund_keep',
            amount: 1500,
        });
        await integrationPost(ctx, `/disputes/${opened.id}/offers/${offer.body.id}/accept`, {});
        const again = await integrationPost(ctx, '/disputes', body);
        expect(again.status).toBe(422);
        expect(again.body.message).toMatch(/accepted the seller's offer/);
    });

    it('refuses a blocked buyer (422)', async () => {
        const buyer = await buildBuyer(ctx.dataSource, { blocked: true, blockReason: 'chargeback fraud' });
        const res = await open({ buyer: { externalId: buyer.externalId } });
        expect(res.status).toBe(422);
        expect(res.body.message).toBe(
            `Buyer ${buyer.externalId} is blocked from opening disputes: chargeback fraud`
        );
    });

    it('follows the configured policy, not fixed numbers', async () => {
        const custom = await createTestApp({ POLICY_OPEN_AFTER_SHIPMENT_DAYS: '2' });
        try {
            const shippedAt = new Date(custom.clock.now().getTime() - 2 * DAY - MINUTE).toISOString();
            const res = await integrationPost(
                custom,
                '/disputes',
                openDisputeBody(custom, { order: { shippedAt } })
            );
            expect(res.status).toBe(201);
        } finally {
            await custom.close();
        }
    });
});

describe('POST /integration/v1/disputes/:id/escalate: from policy.buyerEscalationAfterDays', () => {
    it('refuses one minute before and escalates one minute after, with the SLA of the policy', async () => {
        const { policy } = ctx.config;
        const opened = await openThroughApi(ctx);
        await integrationPost(ctx, `/disputes/${opened.id}/offers`, {
            solution: 'partial_refund_keep',
            amount: 500,
        });
        ctx.clock.advance(policy.buyerEscalationAfterDays * DAY - MINUTE);
        const early = await integrationPost(ctx, `/disputes/${opened.id}/escalate`, {});
        expect(early.status).toBe(422);
        const from = new Date(TEST_NOW.getTime() + policy.buyerEscalationAfterDays * DAY).toISOString();
        expect(early.body.message).toContain(`the buyer may escalate from ${from}`);
        ctx.clock.advance(2 * MINUTE);
        const res = await integrationPost(ctx, `/disputes/${opened.id}/escalate`, {});
        expect(res.status).toBe(200);
        const now = ctx.clock.now().getTime();
        expect(res.body).toMatchObject({
            status: 'escalated',
            escalatedAt: new Date(now).toISOString(),
            slaDueAt: new Date(now + policy.slaTargetDays * DAY).toISOString(),
            slaHardDueAt: new Date(now + policy.slaHardLimitDays * DAY).toISOString(),
        });
    });
});

describe('POST /integration/v1/disputes/:id/reopen: while protected, never after an accepted offer', () => {
    async function withdrawnDispute(protectionEndsAt: Date) {
        const order = await buildOrder(ctx.dataSource, { protectionEndsAt });
        return buildDispute(ctx.dataSource, { order, status: 'withdrawn' });
    }

    it('reopens one minute before the protection ends and refuses one minute after (422)', async () => {
        const now = ctx.clock.now().getTime();
        const protectedOne = await withdrawnDispute(new Date(now + MINUTE));
        expect((await integrationPost(ctx, `/disputes/${protectedOne.id}/reopen`, {})).status).toBe(200);
        const expired = await withdrawnDispute(new Date(now - MINUTE));
        const res = await integrationPost(ctx, `/disputes/${expired.id}/reopen`, {});
        expect(res.status).toBe(422);
        expect(res.body.message).toMatch(/cannot reopen: the protection of order .* expired/);
    });

    it("refuses to reopen after the buyer accepted the seller's offer (422)", async () => {
        const opened = await openThroughApi(ctx);
        const offer = await integrationPost(ctx, `/disputes/${opened.id}/offers`, {
            solution: 'partial_refund_keep',
            amount: 1000,
        });
        const accepted = await integrationPost(
            ctx,
            `/disputes/${opened.id}/offers/${offer.body.id}/accept`,
            {}
        );
        expect(accepted.body).toMatchObject({ status: 'resolved', offerAccepted: true });
        const res = await integrationPost(ctx, `/disputes/${opened.id}/reopen`, {});
        expect(res.status).toBe(422);
        expect(res.body.message).toMatch(/cannot reopen after accepting the seller's offer/);
        const stored = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: opened.id });
        expect(stored.status).toBe('resolved');
    });

    it('refuses to reopen while another dispute on the order is open (422)', async () => {
        const order = await buildOrder(ctx.dataSource);
        const old = await buildDispute(ctx.dataSource, { order, status: 'withdrawn' });
        await buildDispute(ctx.dataSource, { order, status: 'negotiating' });
        const res = await integrationPost(ctx, `/disputes/${old.id}/reopen`, {});
        expect(res.status).toBe(422);
        expect(res.body.message).toMatch(/already has an open dispute/);
    });
});
