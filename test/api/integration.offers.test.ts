import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationDisputeSchema, integrationOfferSchema } from '../../shared/schemas/integration';
import { Dispute, DisputeEvent, Offer, OutboxEvent, Refund } from '../../server/src/entities';
import { buildDispute, buildOffer, DAY } from '../helpers/factories';
import { auditEventsOf, integrationPost, openThroughApi } from '../helpers/integration';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

const offer = (disputeId: number, body: object = { solution: 'partial_refund_keep', amount: 1500 }) =>
    integrationPost(ctx, `/disputes/${disputeId}/offers`, body);

const eventsOf = (disputeId: number) =>
    ctx.dataSource.getRepository(DisputeEvent).find({ where: { disputeId }, order: { id: 'ASC' } });

describe('POST /integration/v1/disputes/:id/offers', () => {
    it("records the seller's first answer: negotiating, sellerRespondedAt, a pending offer", async () => {
        const opened = await openThroughApi(ctx);
        ctx.clock.advance(DAY);
        const res = await offer(opened.id, { solution: 'partial_refund_keep', amount: 1500, note: 'Sorry!' });
        expect(res.status).toBe(201);
        expect(() => integrationOfferSchema.parse(res.body)).not.toThrow();
        expect(res.body).toMatchObject({
            disputeId: opened.id,
            party: 'seller',
            solution: 'partial_refund_keep',
            amount: 1500,
            currency: 'USD',
            note: 'Sorry!',
            status: 'pending',
            respondedAt: null,
        });
        const dispute = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: opened.id });
        expect(dispute.status).toBe('negotiating');
        expect(dispute.sellerRespondedAt?.toISOString()).toBe(ctx.clock.now().toISOString());
        const events = await eventsOf(opened.id);
        expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorKind, e.note])).toEqual([
            ['open', null, 'opened', 'buyer', null],
            ['seller_offer', 'opened', 'negotiating', 'seller', 'Sorry!'],
        ]);
        const audit = await auditEventsOf(ctx, res);
        expect(audit.map((e) => [e.action, e.actorRole])).toEqual([
            ['dispute.seller_offer', 'marketplace:seller'],
        ]);
        expect(audit[0].after).toMatchObject({ status: 'negotiating', offerId: res.body.id, amount: 1500 });
    });

    it('supersedes the pending offer with a newer one and keeps the first answer time', async () => {
        const opened = await openThroughApi(ctx);
        const first = await offer(opened.id);
        const respondedAt = (await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: opened.id }))
            .sellerRespondedAt;
        ctx.clock.advance(DAY);
        const second = await offer(opened.id, { solution: 'full_refund_return', amount: 5000 });
        expect(second.status).toBe(201);
        const offers = await ctx.dataSource.getRepository(Offer).find({
            where: { disputeId: opened.id },
            order: { id: 'ASC' },
        });
        expect(offers.map((o) => [o.id, o.status])).toEqual([
            [first.body.id, 'superseded'],
            [second.body.id, 'pending'],
        ]);
        const dispute = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: opened.id });
        expect(dispute.sellerRespondedAt).toEqual(respondedAt);
        expect(dispute.version).toBe(3);
    });

    it('answers 400 for an amount above the order total or a full refund of less than the total', async () => {
        const opened = await openThroughApi(ctx);
        const above = await offer(opened.id, { solution: 'partial_refund_keep', amount: 5001 });
        expect(above.status).toBe(400);
        expect(above.body.errors).toEqual({ amount: 'must not exceed the order total (5000)' });
        const notFull = await offer(opened.id, { solution: 'full_refund_keep', amount: 4000 });
        expect(notFull.status).toBe(400);
        expect(notFull.body.errors.amount).toMatch(/must be the order total/);
        const missing = await offer(opened.id, { amount: 100 });
        expect(missing.status).toBe(400);
        expect(Object.keys(missing.body.errors)).toEqual(['solution']);
        expect(await ctx.dataSource.getRepository(Offer).countBy({ disputeId: opened.id })).toBe(0);
    });

    it('answers 409 naming the state on an escalated dispute', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
        const res = await offer(dispute.id);
        expect(res.status).toBe(409);
        expect(res.body.message).toBe(
            `Cannot seller offer dispute ${dispute.id}: it is escalated. No action is allowed now.`
        );
    });

    it('answers 404 for an unknown dispute and 400 for an id that is not one', async () => {
        expect((await offer(999_999)).status).toBe(404);
        expect((await offer(99_999_999_999)).status).toBe(404);
        const bad = await integrationPost(ctx, '/disputes/abc/offers', {
            solution: 'partial_refund_keep',
            amount: 1,
        });
        expect(bad.status).toBe(400);
        expect(bad.body.message).toMatch(/id must be a positive integer/);
    });
});

describe('POST /integration/v1/disputes/:id/offers/:offerId/accept', () => {
    it('resolves the dispute by agreement', async () => {
        const opened = await openThroughApi(ctx);
        const made = await offer(opened.id);
        const res = await integrationPost(ctx, `/disputes/${opened.id}/offers/${made.body.id}/accept`, {});
        expect(res.status).toBe(200);
        expect(() => integrationDisputeSchema.parse(res.body)).not.toThrow();
        expect(res.body).toMatchObject({ status: 'resolved', resolution: 'agreement', offerAccepted: true });
        const stored = await ctx.dataSource.getRepository(Offer).findOneByOrFail({ id: made.body.id });
        expect(stored.status).toBe('accepted');
        expect(stored.respondedAt?.toISOString()).toBe(ctx.clock.now().toISOString());
        expect((await eventsOf(opened.id)).at(-1)).toMatchObject({
            action: 'accept_offer',
            fromStatus: 'negotiating',
            toStatus: 'resolved',
            actorKind: 'buyer',
        });
        const audit = await auditEventsOf(ctx, res);
        expect(audit.map((e) => [e.action, e.actorRole])).toEqual([
            ['dispute.accept_offer', 'marketplace:buyer'],
        ]);
        // The agreed amount is refunded to the original payment method, and both parties are told.
        const refunds = await ctx.dataSource.getRepository(Refund).findBy({ disputeId: opened.id });
        expect(refunds.map((r) => [r.amount, r.status, r.decisionId])).toEqual([
            [made.body.amount, 'requested', null],
        ]);
        const outbox = await ctx.dataSource
            .getRepository(OutboxEvent)
            .find({ where: { disputeId: opened.id }, order: { id: 'ASC' } });
        expect(outbox.map((e) => [e.type, e.audience])).toEqual([
            ['refund.requested', null],
            ['dispute.resolved', null],
        ]);
        expect(outbox[1].payload).toMatchObject({ resolution: 'agreement', refundAmount: made.body.amount });
        expect(
            (await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: opened.id })).closedAt
        ).toEqual(ctx.clock.now());
    });

    it('answers 409 naming the state when the dispute is still opened', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'opened' });
        const pending = await buildOffer(ctx.dataSource, { disputeId: dispute.id });
        const res = await integrationPost(ctx, `/disputes/${dispute.id}/offers/${pending.id}/accept`, {});
        expect(res.status).toBe(409);
        expect(res.body.message).toBe(
            `Cannot accept offer dispute ${dispute.id}: it is opened. Allowed now: withdraw.`
        );
    });

    it('answers 409 for an offer that is no longer pending and 404 for an offer of another dispute', async () => {
        const opened = await openThroughApi(ctx);
        const first = await offer(opened.id);
        await offer(opened.id);
        const superseded = await integrationPost(
            ctx,
            `/disputes/${opened.id}/offers/${first.body.id}/accept`,
            {}
        );
        expect(superseded.status).toBe(409);
        expect(superseded.body.message).toMatch(/is superseded; only a pending offer can be accepted/);
        const other = await buildOffer(ctx.dataSource);
        const foreign = await integrationPost(ctx, `/disputes/${opened.id}/offers/${other.id}/accept`, {});
        expect(foreign.status).toBe(404);
    });
});

describe('POST /integration/v1/disputes/:id/offers/:offerId/reject', () => {
    it('rejects the offer and keeps negotiating', async () => {
        const opened = await openThroughApi(ctx);
        const made = await offer(opened.id);
        const res = await integrationPost(ctx, `/disputes/${opened.id}/offers/${made.body.id}/reject`, {
            note: 'Too little',
        });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'negotiating', resolution: null, offerAccepted: false });
        expect((await ctx.dataSource.getRepository(Offer).findOneByOrFail({ id: made.body.id })).status).toBe(
            'rejected'
        );
        expect((await eventsOf(opened.id)).at(-1)).toMatchObject({
            action: 'reject_offer',
            fromStatus: 'negotiating',
            toStatus: 'negotiating',
            note: 'Too little',
        });
        const again = await integrationPost(ctx, `/disputes/${opened.id}/offers/${made.body.id}/reject`, {});
        expect(again.status).toBe(409);
    });

    it('answers 409 on a resolved dispute', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'resolved' });
        const pending = await buildOffer(ctx.dataSource, { disputeId: dispute.id });
        const res = await integrationPost(ctx, `/disputes/${dispute.id}/offers/${pending.id}/reject`, {});
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(/it is resolved\. Allowed now: reopen\./);
    });
});
