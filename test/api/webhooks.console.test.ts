import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { drainOnce } from '../../server/src/outbox/deliveryWorker';
import type { Agent } from '../helpers/agent';
import { oneAuditEventOf } from '../helpers/audit';
import { buildDispute } from '../helpers/factories';
import { contentRange, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';
import {
    contextOf,
    queueEvents,
    SECRET,
    startReceiver,
    storedEvent,
    type Receiver,
} from './webhooks.receiver';

let ctx: TestApp;
let receiver: Receiver;
let supervisor: Agent;
let mediator: Agent;
let support: Agent;

/** Staff signed in at the clock's current time (sessions expire as the clock moves on). */
async function signInNow() {
    const at = ctx.clock.now().getTime();
    supervisor = await ctx.as('supervisor', `supervisor-${at}`);
    mediator = await ctx.as('mediator', `mediator-${at}`);
    support = await ctx.as('support', `support-${at}`);
}

beforeAll(async () => {
    receiver = await startReceiver();
    ctx = await createTestApp({
        MARKETPLACE_WEBHOOK_URL: receiver.url,
        MARKETPLACE_WEBHOOK_SECRET: SECRET,
        WEBHOOK_RETRY_SECONDS: '5',
    });
});
afterAll(async () => {
    await ctx.close();
    await receiver.close();
});
beforeEach(async () => {
    await signInNow();
    receiver.receipts.length = 0;
    receiver.answer = () => ({ status: 204 });
});

const SECOND = 1000;
const drain = () => drainOnce(contextOf(ctx), { holder: 'console-test', random: () => 0.5 });

/** An event of a new dispute that the receiver refused until it was dead-lettered (2 attempts). */
async function deadEvent() {
    const dispute = await buildDispute(ctx.dataSource, { status: 'decided' });
    const [event] = await queueEvents(ctx, [
        { disputeId: dispute.id, type: 'dispute.decided', audience: 'seller' },
    ]);
    receiver.answer = () => ({ status: 500, body: 'maintenance' });
    await drain();
    ctx.clock.advance(5 * SECOND);
    await drain();
    receiver.answer = () => ({ status: 204 });
    expect(await storedEvent(ctx, event.id)).toMatchObject({ status: 'dead', attempts: 2 });
    return event;
}

describe('GET /api/outbox-events', () => {
    it('lists events with their delivery state, filtered by type, status, dispute and audience', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'decided' });
        const [buyerEvent, sellerEvent, refundEvent] = await queueEvents(ctx, [
            { disputeId: dispute.id, type: 'dispute.decided', audience: 'buyer' },
            { disputeId: dispute.id, type: 'dispute.decided', audience: 'seller' },
            { disputeId: dispute.id, type: 'refund.requested', audience: null },
        ]);
        const all = await supervisor.get(
            listUrl('/api/outbox-events', { filter: { disputeId: dispute.id } })
        );
        expect(all.status).toBe(200);
        expect(contentRange(all).total).toBe(3);
        expect(all.body.map((e: { id: number }) => e.id)).toEqual([
            refundEvent.id,
            sellerEvent.id,
            buyerEvent.id,
        ]);
        expect(all.body[2]).toEqual({
            id: buyerEvent.id,
            type: 'dispute.decided',
            disputeId: dispute.id,
            audience: 'buyer',
            payload: { disputeId: dispute.id, n: 0, outcome: 'full_refund' },
            status: 'pending',
            attempts: 0,
            nextAttemptAt: ctx.clock.now().toISOString(),
            lastError: null,
            deliveredAt: null,
            createdAt: ctx.clock.now().toISOString(),
        });

        const filtered = await supervisor.get(
            listUrl('/api/outbox-events', {
                filter: {
                    disputeId: dispute.id,
                    type: 'dispute.decided',
                    audience: 'seller',
                    status: 'pending',
                },
            })
        );
        expect(filtered.body.map((e: { id: number }) => e.id)).toEqual([sellerEvent.id]);

        await drain();
        const delivered = await supervisor.get(
            listUrl('/api/outbox-events', { filter: { disputeId: dispute.id, status: 'delivered' } })
        );
        // Only the first of the dispute's events was due in that round: the others wait their turn.
        expect(delivered.body.map((e: { id: number }) => e.id)).toEqual([buyerEvent.id]);
        expect(delivered.body[0]).toMatchObject({ attempts: 1, deliveredAt: ctx.clock.now().toISOString() });
    });

    it('refuses an unknown status or type with a 400 naming the field', async () => {
        const badStatus = await supervisor.get(
            listUrl('/api/outbox-events', { filter: { status: 'failed' } })
        );
        expect(badStatus.status).toBe(400);
        expect(JSON.stringify(badStatus.body)).toMatch(/status/);
        const badType = await supervisor.get(listUrl('/api/outbox-events', { filter: { type: 'nope' } }));
        expect(badType.status).toBe(400);
        expect(JSON.stringify(badType.body)).toMatch(/type/);
    });

    it('is for supervisors only', async () => {
        expect((await mediator.get('/api/outbox-events')).status).toBe(403);
        expect((await support.get('/api/outbox-events')).status).toBe(403);
        expect((await ctx.request().get('/api/outbox-events')).status).toBe(401);
        expect((await supervisor.post('/api/outbox-events').send({})).status).toBe(405);
    });
});

describe('GET /api/webhook-deliveries', () => {
    it("lists each attempt with the receiver's answer, filtered by event or by dispute", async () => {
        const event = await deadEvent();
        const other = await deadEvent();
        const byEvent = await supervisor.get(
            listUrl('/api/webhook-deliveries', {
                filter: { outboxEventId: event.id },
                sort: ['attempt', 'ASC'],
            })
        );
        expect(byEvent.status).toBe(200);
        expect(byEvent.body).toHaveLength(2);
        expect(byEvent.body[0]).toEqual({
            id: expect.any(Number),
            outboxEventId: event.id,
            attempt: 1,
            responseStatus: 500,
            error: 'HTTP 500',
            responseBody: 'maintenance',
            durationMs: expect.any(Number),
            attemptedAt: expect.any(String),
        });
        expect(byEvent.body[1]).toMatchObject({ attempt: 2 });

        const byDispute = await supervisor.get(
            listUrl('/api/webhook-deliveries', { filter: { disputeId: other.disputeId } })
        );
        expect(byDispute.body.map((d: { outboxEventId: number }) => d.outboxEventId)).toEqual([
            other.id,
            other.id,
        ]);
        expect((await mediator.get('/api/webhook-deliveries')).status).toBe(403);
    });
});

describe('POST /api/outbox-events/:id/replay', () => {
    it('queues a dead-lettered event again, due now, audited, and it goes out with the same webhook-id', async () => {
        const event = await deadEvent();
        ctx.clock.advance(3600 * SECOND);
        await signInNow();
        const res = await supervisor.post(`/api/outbox-events/${event.id}/replay`).send({});
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({
            id: event.id,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: ctx.clock.now().toISOString(),
            lastError: 'HTTP 500',
        });
        const audit = await oneAuditEventOf(ctx.dataSource, res);
        expect(audit).toMatchObject({
            action: 'outbox_event.replayed',
            entity: 'outbox_event',
            entityId: String(event.id),
            actorId: supervisor.staff.id,
            actorRole: 'supervisor',
            before: { status: 'dead', attempts: 2, lastError: 'HTTP 500' },
            after: { status: 'pending', attempts: 0 },
        });

        receiver.receipts.length = 0;
        expect(await drain()).toMatchObject({ delivered: 1 });
        expect(receiver.receipts.map((r) => [r.id, r.signatureValid])).toEqual([[`evt_${event.id}`, true]]);
        const deliveries = await supervisor.get(
            listUrl('/api/webhook-deliveries', { filter: { outboxEventId: event.id }, sort: ['id', 'ASC'] })
        );
        expect(deliveries.body.map((d: { responseStatus: number }) => d.responseStatus)).toEqual([
            500, 500, 204,
        ]);
    });

    it('answers 409 for an event that is not dead-lettered, and changes nothing', async () => {
        const [pending] = await queueEvents(ctx, [{ disputeId: null }]);
        const res = await supervisor.post(`/api/outbox-events/${pending.id}/replay`).send({});
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(/pending/);
        await drain();
        const again = await supervisor.post(`/api/outbox-events/${pending.id}/replay`).send({});
        expect(again.status).toBe(409);
        expect(await storedEvent(ctx, pending.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    });

    it('answers 404 for an unknown event and 400 for a malformed id', async () => {
        expect((await supervisor.post('/api/outbox-events/999999/replay').send({})).status).toBe(404);
        expect((await supervisor.post('/api/outbox-events/abc/replay').send({})).status).toBe(400);
    });

    it('is refused to mediators and support staff (403, audited as a denial)', async () => {
        const event = await deadEvent();
        await signInNow();
        for (const agent of [mediator, support]) {
            const res = await agent.post(`/api/outbox-events/${event.id}/replay`).send({});
            expect(res.status).toBe(403);
            expect(await oneAuditEventOf(ctx.dataSource, res)).toMatchObject({
                action: 'access.denied',
                outcome: 'denied',
            });
        }
        expect(await storedEvent(ctx, event.id)).toMatchObject({ status: 'dead' });
    });
});

describe('dead-lettered events', () => {
    it('no longer hold back later events of their dispute', async () => {
        const event = await deadEvent();
        const [later] = await queueEvents(ctx, [{ disputeId: event.disputeId }]);
        expect(await drain()).toMatchObject({ claimed: 1, delivered: 1 });
        expect(await storedEvent(ctx, later.id)).toMatchObject({ status: 'delivered' });
    });
});
