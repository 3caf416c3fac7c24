import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationDisputeSchema } from '../../shared/schemas/integration';
import { AuditEvent, Buyer, Dispute, DisputeEvent, Order, Seller } from '../../server/src/entities';
import { buildBuyer, buildOrder, DAY } from '../helpers/factories';
import { auditEventsOf, integrationPost, openDisputeBody, openThroughApi } from '../helpers/integration';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('POST /integration/v1/disputes', () => {
    it('opens a dispute with its order, buyer and seller, a timeline entry and an audit event', async () => {
        const body = openDisputeBody(ctx);
        const res = await integrationPost(ctx, '/disputes', body);
        expect(res.status).toBe(201);
        expect(() => integrationDisputeSchema.parse(res.body)).not.toThrow();
        expect(res.body).toMatchObject({
            status: 'opened',
            resolution: null,
            orderExternalId: body.order.externalId,
            buyerExternalId: body.buyer.externalId,
            sellerExternalId: body.seller.externalId,
            goodsReceived: true,
            reason: 'defective',
            requestedSolution: 'partial_refund_keep',
            requestedAmount: 2000,
            currency: 'USD',
            openedAt: ctx.clock.now().toISOString(),
            sellerRespondedAt: null,
            escalatedAt: null,
            offerAccepted: false,
            reopenCount: 0,
            version: 1,
        });
        const order = await ctx.dataSource.getRepository(Order).findOneByOrFail({ id: res.body.orderId });
        expect(order).toMatchObject({
            externalId: body.order.externalId,
            buyerId: res.body.buyerId,
            sellerId: res.body.sellerId,
            total: 5000,
            unitPrice: 2500,
            quantity: 2,
            trackingNumber: body.order.trackingNumber,
            completedAt: null,
        });
        expect(order.protectionEndsAt.toISOString()).toBe(body.order.protectionEndsAt);
        const buyer = await ctx.dataSource.getRepository(Buyer).findOneByOrFail({ id: res.body.buyerId });
        expect(buyer).toMatchObject({
            name: body.buyer.name,
            country: 'DE',
            disputesCount: 1,
            blocked: false,
        });
        const seller = await ctx.dataSource.getRepository(Seller).findOneByOrFail({ id: res.body.sellerId });
        expect(seller).toMatchObject({ storeName: body.seller.storeName, disputesCount: 1 });

        const events = await ctx.dataSource.getRepository(DisputeEvent).findBy({ disputeId: res.body.id });
        expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorKind])).toEqual([
            ['open', null, 'opened', 'buyer'],
        ]);
        const audit = await auditEventsOf(ctx, res);
        expect(audit.map((e) => [e.action, e.entityId, e.actorRole])).toEqual([
            ['dispute.open', String(res.body.id), 'marketplace:buyer'],
        ]);
        expect(audit[0].after).toMatchObject({ status: 'opened', orderExternalId: body.order.externalId });
    });

    it('opens a claim for goods not received as a full refund of the order total', async () => {
        const res = await integrationPost(
            ctx,
            '/disputes',
            openDisputeBody(ctx, {
                claim: {
                    goodsReceived: false,
                    reason: 'tracking_not_updated',
                    requestedSolution: 'full_refund_keep',
                    requestedAmount: 5000,
                },
            })
        );
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ goodsReceived: false, requestedAmount: 5000 });
    });

    it('updates a known buyer and seller by external id, keeping what the console set on them', async () => {
        // The marketplace's rating of the buyer (the flag is the desk's rule, computed at opening).
        const known = await buildBuyer(ctx.dataSource, { rating: 42 });
        const first = await openThroughApi(ctx, {
            buyer: { externalId: known.externalId, name: 'Old Name' },
        });
        const second = await openThroughApi(ctx, {
            buyer: { externalId: known.externalId, name: 'New Name', country: 'AT' },
            seller: { externalId: `shared-seller-${known.id}`, storeName: 'Renamed store' },
        });
        const third = await openThroughApi(ctx, {
            seller: { externalId: `shared-seller-${known.id}`, storeName: 'Renamed again' },
        });
        expect(first.buyerId).toBe(known.id);
        expect(second.buyerId).toBe(known.id);
        expect(third.sellerId).toBe(second.sellerId);
        const buyer = await ctx.dataSource.getRepository(Buyer).findOneByOrFail({ id: known.id });
        expect(buyer).toMatchObject({
            name: 'New Name',
            country: 'AT',
            rating: 42,
            disputesCount: known.disputesCount + 2,
        });
        expect(await ctx.dataSource.getRepository(Buyer).countBy({ externalId: known.externalId })).toBe(1);
        const seller = await ctx.dataSource.getRepository(Seller).findOneByOrFail({ id: second.sellerId });
        expect(seller).toMatchObject({ storeName: 'Renamed again', disputesCount: 2 });
    });

    it('updates the snapshot of a known order, e.g. its extended protection', async () => {
        const order = await buildOrder(ctx.dataSource, {
            shippedAt: new Date(ctx.clock.now().getTime() - 20 * DAY),
        });
        const buyer = await ctx.dataSource.getRepository(Buyer).findOneByOrFail({ id: order.buyerId });
        const seller = await ctx.dataSource.getRepository(Seller).findOneByOrFail({ id: order.sellerId });
        const protectionEndsAt = new Date(ctx.clock.now().getTime() + 80 * DAY).toISOString();
        const opened = await openThroughApi(ctx, {
            order: { externalId: order.externalId, protectionEndsAt, trackingNumber: 'NEWTRACK1' },
            buyer: { externalId: buyer.externalId },
            seller: { externalId: seller.externalId },
        });
        expect(opened.orderId).toBe(order.id);
        const stored = await ctx.dataSource.getRepository(Order).findOneByOrFail({ id: order.id });
        expect(stored.protectionEndsAt.toISOString()).toBe(protectionEndsAt);
        expect(stored.trackingNumber).toBe('NEWTRACK1');
        expect(await ctx.dataSource.getRepository(Order).countBy({ externalId: order.externalId })).toBe(1);
    });

    it('refuses an order that belongs to another buyer (422) and changes nothing', async () => {
        const order = await buildOrder(ctx.dataSource);
        const res = await integrationPost(
            ctx,
            '/disputes',
            openDisputeBody(ctx, { order: { externalId: order.externalId } })
        );
        expect(res.status).toBe(422);
        expect(res.body.message).toMatch(/belongs to another buyer/);
        const stored = await ctx.dataSource.getRepository(Order).findOneByOrFail({ id: order.id });
        expect(stored.productTitle).toBe(order.productTitle);
        expect(await ctx.dataSource.getRepository(Dispute).countBy({ orderId: order.id })).toBe(0);
    });

    const invalid: [string, Parameters<typeof openDisputeBody>[1], string][] = [
        [
            'a received-goods reason for goods not received',
            { claim: { goodsReceived: false, requestedSolution: 'full_refund_keep', requestedAmount: 5000 } },
            'claim.reason',
        ],
        [
            'a not-received reason for goods received',
            { claim: { reason: 'held_by_customs' } },
            'claim.reason',
        ],
        [
            'a partial refund for goods not received',
            { claim: { goodsReceived: false, reason: 'returned_to_sender', requestedAmount: 5000 } },
            'claim.requestedSolution',
        ],
        [
            'less than the total for goods not received',
            {
                claim: {
                    goodsReceived: false,
                    reason: 'returned_to_sender',
                    requestedSolution: 'full_refund_keep',
                    requestedAmount: 4999,
                },
            },
            'claim.requestedAmount',
        ],
        ['more than the order total', { claim: { requestedAmount: 5001 } }, 'claim.requestedAmount'],
        ['a zero amount', { claim: { requestedAmount: 0 } }, 'claim.requestedAmount'],
        ['a fractional amount', { claim: { requestedAmount: 10.5 } }, 'claim.requestedAmount'],
        [
            'a full refund of less than the total',
            { claim: { requestedSolution: 'full_refund_return', requestedAmount: 100 } },
            'claim.requestedAmount',
        ],
        ['a currency other than the order’s', { claim: { currency: 'EUR' } }, 'claim.currency'],
        ['an unknown reason', { claim: { reason: 'changed_my_mind' as never } }, 'claim.reason'],
        ['a lower-case currency', { order: { currency: 'usd' } }, 'order.currency'],
        ['a date that is not ISO 8601', { order: { shippedAt: 'last Tuesday' } }, 'order.shippedAt'],
        ['an empty external id', { buyer: { externalId: ' ' } }, 'buyer.externalId'],
        [
            'a NUL character (PostgreSQL text cannot hold it)',
            { claim: { description: 'a\u0000b' } },
            'claim.description',
        ],
        ['an unknown field', { seller: { rating: 5 } as never }, 'seller'],
    ];
    it.each(invalid)('answers 400 naming the field for %s', async (_what, overrides, field) => {
        const res = await integrationPost(ctx, '/disputes', openDisputeBody(ctx, overrides));
        expect(res.status).toBe(400);
        expect(res.body.message).toBeTypeOf('string');
        expect(Object.keys(res.body.errors)).toContain(field);
    });

    it('answers 400 for a body that is not JSON, and writes nothing', async () => {
        const before = await ctx.dataSource.getRepository(AuditEvent).count();
        const res = await integrationPost(ctx, '/disputes')
            .set('Content-Type', 'application/json')
            .send('{"order": ');
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/not valid JSON/);
        expect(await ctx.dataSource.getRepository(AuditEvent).count()).toBe(before);
    });
});
