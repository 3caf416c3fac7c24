import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Dispute, DisputeEvent, Order, OutboxEvent, Refund } from '../../server/src/entities';
import { runDueJobs } from '../../server/src/jobs/scheduler';
import { buildDispute, DAY } from '../helpers/factories';
import { integrationPost, newKey, openDisputeBody, openThroughApi } from '../helpers/integration';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function countOf(entity: typeof DisputeEvent | typeof AuditEvent | typeof OutboxEvent, where = {}) {
    return ctx.dataSource.getRepository(entity).countBy(where);
}

describe('a record-level refusal inside the transaction that makes the change', () => {
    it('leaves nothing written and one access.denied audit event, written after the rollback', async () => {
        const holder = await ctx.as('mediator', 'holder');
        const other = await ctx.as('mediator', 'other');
        const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
        expect((await holder.post(`/api/disputes/${dispute.id}/pickup`).send({})).status).toBe(200);
        const held = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: dispute.id });
        const events = await countOf(DisputeEvent, { disputeId: dispute.id });
        const audits = await countOf(AuditEvent);

        const res = await other.post(`/api/disputes/${dispute.id}/release`).send({});

        expect(res.status).toBe(403);
        expect(res.body.message).toMatch(/not assigned to you/);
        expect(await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: dispute.id })).toEqual(held);
        expect(await countOf(DisputeEvent, { disputeId: dispute.id })).toBe(events);
        const written = await ctx.dataSource
            .getRepository(AuditEvent)
            .find({ where: {}, order: { id: 'ASC' }, skip: audits });
        expect(written.map((e) => [e.action, e.outcome, e.entity, e.entityId])).toEqual([
            ['access.denied', 'denied', 'disputes', String(dispute.id)],
        ]);
    });
});

describe('the seller timeout', () => {
    it('resolves with a refund and announces it in the same transaction (refund.requested, dispute.resolved)', async () => {
        const opened = await openThroughApi(ctx);
        ctx.clock.set(new Date(ctx.clock.now().getTime() + 6 * DAY));
        try {
            await runDueJobs(ctx);
        } finally {
            ctx.clock.set(new Date(ctx.clock.now().getTime() - 6 * DAY));
        }
        const dispute = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: opened.id });
        expect(dispute).toMatchObject({ status: 'resolved', resolution: 'seller_timeout' });
        const refund = await ctx.dataSource.getRepository(Refund).findOneByOrFail({ disputeId: opened.id });
        expect(refund).toMatchObject({
            amount: 5000,
            currency: 'USD',
            destination: 'card',
            status: 'requested',
        });
        const outbox = await ctx.dataSource.getRepository(OutboxEvent).findBy({ disputeId: opened.id });
        expect(outbox.map((e) => [e.type, e.status, e.payload.refundId, e.payload.amount])).toEqual([
            ['refund.requested', 'pending', refund.id, 5000],
            ['dispute.resolved', 'pending', undefined, undefined],
        ]);
        expect(outbox[1]).toMatchObject({
            audience: null,
            payload: { resolution: 'seller_timeout', refundAmount: 5000, disputeId: opened.id },
        });
        expect(dispute.closedAt).not.toBeNull();
        const timeline = await ctx.dataSource.getRepository(DisputeEvent).findBy({ disputeId: opened.id });
        expect(timeline.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
            ['open', null, 'opened'],
            ['seller_timeout', 'opened', 'resolved'],
        ]);
    });
});

describe('an order that already has disputes', () => {
    it('keeps its money facts: a snapshot with another total or currency is 422 naming the fields', async () => {
        const first = openDisputeBody(ctx);
        const res1 = await integrationPost(ctx, '/disputes', first);
        expect(res1.status).toBe(201);
        const withdrawn = await integrationPost(ctx, `/disputes/${res1.body.id}/withdraw`, {});
        expect(withdrawn.status).toBe(200);
        const before = await ctx.dataSource.getRepository(Order).findOneByOrFail({ id: res1.body.orderId });

        const second = {
            ...openDisputeBody(ctx),
            order: { ...first.order, quantity: 1, unitPrice: 9000, total: 9000, currency: 'EUR' },
            buyer: first.buyer,
            seller: first.seller,
        };
        const res2 = await integrationPost(ctx, '/disputes', second, { key: newKey() });

        expect(res2.status).toBe(422);
        expect(res2.body.message).toMatch(/total, currency, quantity, unitPrice/);
        expect(Object.keys(res2.body.errors).sort()).toEqual([
            'order.currency',
            'order.quantity',
            'order.total',
            'order.unitPrice',
        ]);
        expect(await ctx.dataSource.getRepository(Order).findOneByOrFail({ id: before.id })).toEqual(before);
    });
});
