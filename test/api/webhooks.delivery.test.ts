import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbKind } from '../../server/src/db/dbKind';
import { writeTransaction } from '../../server/src/db/transaction';
import { OutboxEvent } from '../../server/src/entities';
import { claimDueEvents, drainOnce, startDeliveryWorker } from '../../server/src/outbox/deliveryWorker';
import { RESPONSE_BODY_LIMIT } from '../../server/src/outbox/webhookSend';
import { nextRetryAt } from '../../server/src/outbox/retrySchedule';
import { buildDispute } from '../helpers/factories';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';
import {
    contextOf,
    deliveriesOf,
    queueEvents,
    SECRET,
    startReceiver,
    storedEvent,
    type Receiver,
} from './webhooks.receiver';

let ctx: TestApp;
let receiver: Receiver;
const SECOND = 1000;
const TIMEOUT_MS = 1000;
/** Pins the jitter to the middle: every delay exactly as configured. */
const NO_JITTER = () => 0.5;

beforeAll(async () => {
    receiver = await startReceiver();
    ctx = await createTestApp({
        MARKETPLACE_WEBHOOK_URL: receiver.url,
        MARKETPLACE_WEBHOOK_SECRET: SECRET,
        WEBHOOK_RETRY_SECONDS: '5,30,120',
        WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
    });
});
afterAll(async () => {
    await ctx.close();
    await receiver.close();
});
beforeEach(async () => {
    ctx.clock.set(TEST_NOW);
    receiver.receipts.length = 0;
    receiver.answer = () => ({ status: 204 });
    // Each test starts from an empty outbox: earlier tests' leftovers would be due too.
    await writeTransaction(ctx.dataSource, (tx) =>
        tx.getRepository(OutboxEvent).update({ status: 'pending' }, { status: 'dead' })
    );
});

const drain = (holder = 'test-worker') => drainOnce(contextOf(ctx), { holder, random: NO_JITTER });
const disputeId = async () => (await buildDispute(ctx.dataSource, { status: 'decided' })).id;

describe('signed delivery', () => {
    it('POSTs each event once in the Standard Webhooks scheme, and records the attempt', async () => {
        const id = await disputeId();
        const [event] = await queueEvents(ctx, [
            { disputeId: id, type: 'dispute.decided', audience: 'buyer' },
        ]);
        receiver.answer = () => ({ status: 200, body: 'thanks' });

        expect(await drain()).toMatchObject({ claimed: 1, delivered: 1, retried: 0, dead: 0 });

        expect(receiver.receipts).toHaveLength(1);
        const [receipt] = receiver.receipts;
        expect(receipt.signatureValid).toBe(true);
        expect(receipt.id).toBe(`evt_${event.id}`);
        expect(receipt.timestamp).toBe(Math.floor(TEST_NOW.getTime() / 1000));
        expect(receipt.contentType).toBe('application/json');
        expect(receipt.body).toEqual({
            id: `evt_${event.id}`,
            type: 'dispute.decided',
            timestamp: TEST_NOW.toISOString(),
            audience: 'buyer',
            data: { disputeId: id, n: 0, outcome: 'full_refund' },
        });
        expect(await storedEvent(ctx, event.id)).toMatchObject({
            status: 'delivered',
            attempts: 1,
            deliveredAt: TEST_NOW,
            lastError: null,
            leaseHolder: null,
            leaseUntil: null,
        });
        const [delivery] = await deliveriesOf(ctx, event.id);
        expect(delivery).toMatchObject({
            attempt: 1,
            responseStatus: 200,
            error: null,
            responseBody: 'thanks',
        });
        expect(delivery.durationMs).toBeGreaterThanOrEqual(0);

        ctx.clock.advance(24 * 3600 * SECOND);
        expect(await drain()).toMatchObject({ claimed: 0 });
        expect(receiver.receipts).toHaveLength(1);
    });

    it('a signature made with another secret does not verify at the receiver', async () => {
        const other = await startReceiver('another secret');
        const url = ctx.config.webhook.url;
        ctx.config.webhook.url = other.url;
        try {
            await queueEvents(ctx, [{ disputeId: null }]);
            await drain();
            expect(other.receipts.map((r) => r.signatureValid)).toEqual([false]);
        } finally {
            ctx.config.webhook.url = url;
            await other.close();
        }
    });

    it('keeps about 2 KB of a long answer', async () => {
        const [event] = await queueEvents(ctx, [{ disputeId: null }]);
        receiver.answer = () => ({ status: 200, body: 'x'.repeat(100_000) });
        await drain();
        const [delivery] = await deliveriesOf(ctx, event.id);
        expect(delivery.responseBody).toHaveLength(RESPONSE_BODY_LIMIT);
    });
});

describe('retries', () => {
    it('retries while the receiver answers 500, spaced as configured, then delivers every event once', async () => {
        const [a, b] = [await disputeId(), await disputeId()];
        const events = await queueEvents(ctx, [{ disputeId: a }, { disputeId: b }, { disputeId: null }]);
        let down = true;
        receiver.answer = () => ({ status: down ? 500 : 200 });

        expect(await drain()).toMatchObject({ claimed: 3, retried: 3 });
        for (const event of events) {
            expect(await storedEvent(ctx, event.id)).toMatchObject({
                status: 'pending',
                attempts: 1,
                lastError: 'HTTP 500',
                nextAttemptAt: new Date(TEST_NOW.getTime() + 5 * SECOND),
            });
        }
        ctx.clock.advance(5 * SECOND - 1);
        expect(await drain()).toMatchObject({ claimed: 0 });
        ctx.clock.advance(1);
        expect(await drain()).toMatchObject({ claimed: 3, retried: 3 });
        ctx.clock.advance(30 * SECOND - 1);
        expect(await drain()).toMatchObject({ claimed: 0 });

        down = false;
        ctx.clock.advance(1);
        expect(await drain()).toMatchObject({ claimed: 3, delivered: 3 });
        ctx.clock.advance(7 * 24 * 3600 * SECOND);
        expect(await drain()).toMatchObject({ claimed: 0 });

        expect(receiver.receipts).toHaveLength(9);
        expect(receiver.receipts.every((r) => r.signatureValid)).toBe(true);
        for (const event of events) {
            const got = receiver.receipts.filter((r) => r.eventId === event.id);
            // The same webhook-id and body on every attempt; the timestamp is the attempt's.
            expect(new Set(got.map((r) => JSON.stringify(r.body))).size).toBe(1);
            expect(got.map((r) => r.timestamp - got[0].timestamp)).toEqual([0, 5, 35]);
            const deliveries = await deliveriesOf(ctx, event.id);
            expect(deliveries.map((d) => [d.attempt, d.responseStatus])).toEqual([
                [1, 500],
                [2, 500],
                [3, 200],
            ]);
            expect(deliveries.map((d) => d.attemptedAt.getTime() - TEST_NOW.getTime())).toEqual([
                0,
                5 * SECOND,
                35 * SECOND,
            ]);
            expect(await storedEvent(ctx, event.id)).toMatchObject({ status: 'delivered', attempts: 3 });
        }
    });

    it('spreads each delay by at most ±20 %, and has none after the last', () => {
        const schedule = [5, 30, 120, 600, 3600, 21600];
        const at = (attempts: number, r: number) =>
            (nextRetryAt(schedule, attempts, TEST_NOW, () => r)!.getTime() - TEST_NOW.getTime()) / SECOND;
        expect(schedule.map((_, i) => at(i + 1, 0.5))).toEqual(schedule);
        expect(at(1, 0)).toBe(4);
        expect(at(1, 0.999999)).toBeCloseTo(6, 3);
        expect(at(6, 0)).toBe(21600 * 0.8);
        expect(nextRetryAt(schedule, 7, TEST_NOW)).toBeNull();
    });

    it('dead-letters an event after the last retry; later events of its dispute then go out', async () => {
        const id = await disputeId();
        const [first, second] = await queueEvents(ctx, [{ disputeId: id }, { disputeId: id }]);
        receiver.answer = (r) => ({ status: r.eventId === first.id ? 503 : 200 });

        for (const delay of [0, 5, 30, 120]) {
            ctx.clock.advance(delay * SECOND);
            expect(await drain()).toMatchObject({ claimed: 1 });
            // Blocked behind the first event while that one is still pending.
            expect(receiver.receipts.filter((r) => r.eventId === second.id)).toHaveLength(0);
        }
        expect(await storedEvent(ctx, first.id)).toMatchObject({
            status: 'dead',
            attempts: 4,
            lastError: 'HTTP 503',
            leaseHolder: null,
        });
        expect(await drain()).toMatchObject({ claimed: 1, delivered: 1 });
        expect(receiver.receipts.map((r) => r.eventId)).toEqual([
            first.id,
            first.id,
            first.id,
            first.id,
            second.id,
        ]);
    });

    it('counts a timeout as a failed attempt', async () => {
        const [event] = await queueEvents(ctx, [{ disputeId: null }]);
        receiver.answer = () => ({ status: 200, delayMs: TIMEOUT_MS + 500 });
        expect(await drain()).toMatchObject({ retried: 1 });
        const [delivery] = await deliveriesOf(ctx, event.id);
        expect(delivery).toMatchObject({ responseStatus: null, error: `timeout after ${TIMEOUT_MS} ms` });
        expect(delivery.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
        expect(await storedEvent(ctx, event.id)).toMatchObject({ status: 'pending', attempts: 1 });
    });

    it('counts a refused connection as a failed attempt', async () => {
        const closed = net.createServer();
        await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
        const port = (closed.address() as net.AddressInfo).port;
        await new Promise((resolve) => closed.close(resolve));
        const url = ctx.config.webhook.url;
        ctx.config.webhook.url = `http://127.0.0.1:${port}/webhooks`;
        try {
            const [event] = await queueEvents(ctx, [{ disputeId: null }]);
            expect(await drain()).toMatchObject({ retried: 1 });
            const [delivery] = await deliveriesOf(ctx, event.id);
            expect(delivery.responseStatus).toBeNull();
            expect(delivery.error).toMatch(/ECONNREFUSED/);
        } finally {
            ctx.config.webhook.url = url;
        }
    });
});

describe('order', () => {
    it('delivers the events of one dispute in order, one at a time, and other disputes meanwhile', async () => {
        const [a, b] = [await disputeId(), await disputeId()];
        const events = await queueEvents(
            ctx,
            Array.from({ length: 8 }, (_, i) => ({ disputeId: i % 2 ? b : a }))
        );
        const [firstOfA] = events;
        let failedOnce = false;
        receiver.answer = (r) => {
            if (r.eventId === firstOfA.id && !failedOnce) {
                failedOnce = true;
                return { status: 500 };
            }
            return { status: 200, delayMs: 5 };
        };

        // A's first event fails: A waits for its retry while B's events go out one after the other.
        for (let round = 0; round < 4; round++) await drain();
        const ofA = events.filter((e) => e.disputeId === a).map((e) => e.id);
        const ofB = events.filter((e) => e.disputeId === b).map((e) => e.id);
        expect(receiver.receipts.map((r) => r.eventId).sort((x, y) => x - y)).toEqual(
            [firstOfA.id, ...ofB].sort((x, y) => x - y)
        );
        expect(receiver.receipts.filter((r) => ofB.includes(r.eventId)).map((r) => r.eventId)).toEqual(ofB);

        ctx.clock.advance(5 * SECOND);
        for (let round = 0; round < 4; round++) await drain();
        const sentOfA = receiver.receipts.filter((r) => ofA.includes(r.eventId)).map((r) => r.eventId);
        expect(sentOfA).toEqual([firstOfA.id, ...ofA]);
        const delivered = await ctx.dataSource.getRepository(OutboxEvent).countBy({ status: 'delivered' });
        expect(delivered).toBeGreaterThanOrEqual(8);
    });

    it('claims at most one event per dispute at a time', async () => {
        const id = await disputeId();
        await queueEvents(ctx, [
            { disputeId: id },
            { disputeId: id },
            { disputeId: null },
            { disputeId: null },
        ]);
        const claimed = await claimDueEvents(ctx.dataSource, 'inspector', ctx.clock.now(), 10, 60 * SECOND);
        expect(claimed.map((e) => e.disputeId)).toEqual([id, null, null]);
    });
});

describe('leases', () => {
    it('leaves a claim of a worker that died alone until its lease runs out, then sends it once', async () => {
        const [event] = await queueEvents(ctx, [{ disputeId: null }]);
        const leaseMs = ctx.config.webhook.leaseSeconds * SECOND;
        expect(
            await claimDueEvents(ctx.dataSource, 'crashed-worker', ctx.clock.now(), 10, leaseMs)
        ).toHaveLength(1);

        expect(await drain('survivor')).toMatchObject({ claimed: 0 });
        ctx.clock.advance(leaseMs - 1);
        expect(await drain('survivor')).toMatchObject({ claimed: 0 });
        ctx.clock.advance(2);
        expect(await drain('survivor')).toMatchObject({ claimed: 1, delivered: 1 });
        expect(receiver.receipts.map((r) => r.eventId)).toEqual([event.id]);
    });

    it('a worker whose lease passed to another writes no result', async () => {
        const [event] = await queueEvents(ctx, [{ disputeId: null }]);
        const leaseMs = ctx.config.webhook.leaseSeconds * SECOND;
        // The slow worker is still sending when its lease expires and another worker takes over;
        // the receiver answers it only then.
        let taken!: () => void;
        const takenOver = new Promise<void>((resolve) => (taken = resolve));
        receiver.answer = () => ({ status: 200, heldUntil: takenOver });
        const slow = drain('slow');
        while (receiver.receipts.length === 0) await new Promise((r) => setTimeout(r, 10));
        ctx.clock.advance(leaseMs + 1);
        await claimDueEvents(ctx.dataSource, 'taker', ctx.clock.now(), 10, leaseMs);
        taken();
        expect(await slow).toMatchObject({ claimed: 1, delivered: 0, lost: 1 });
        expect(await deliveriesOf(ctx, event.id)).toEqual([]);
        expect(await storedEvent(ctx, event.id)).toMatchObject({ status: 'pending', leaseHolder: 'taker' });
    });
});

describe('the running worker', () => {
    it('on stop, finishes the attempts in flight, starts none, and gives the rest back', async () => {
        const events = await queueEvents(
            ctx,
            Array.from({ length: 30 }, () => ({ disputeId: null }))
        );
        receiver.answer = () => ({ status: 200, delayMs: 300 });
        const worker = startDeliveryWorker(contextOf(ctx), { random: NO_JITTER });
        while (receiver.inFlight() === 0) await new Promise((r) => setTimeout(r, 5));
        await worker.stop();

        expect(receiver.inFlight()).toBe(0);
        const sentBeforeStop = receiver.receipts.length;
        await new Promise((r) => setTimeout(r, 200));
        expect(receiver.receipts.length).toBe(sentBeforeStop);
        expect(sentBeforeStop).toBeLessThanOrEqual(ctx.config.webhook.concurrency);
        const stored = await ctx.dataSource.getRepository(OutboxEvent).findBy({});
        const ours = stored.filter((e) => events.some((q) => q.id === e.id));
        const delivered = ours.filter((e) => e.status === 'delivered').map((e) => e.id);
        expect(delivered.sort((x, y) => x - y)).toEqual(
            receiver.receipts.map((r) => r.eventId).sort((x, y) => x - y)
        );
        expect(ours.filter((e) => e.status === 'pending').every((e) => e.leaseHolder === null)).toBe(true);

        // Another worker (a restarted server) sends the rest, each once.
        const next = startDeliveryWorker(contextOf(ctx), { random: NO_JITTER });
        receiver.answer = () => ({ status: 200 });
        while ((await ctx.dataSource.getRepository(OutboxEvent).countBy({ status: 'pending' })) > 0)
            await new Promise((r) => setTimeout(r, 20));
        await next.stop();
        const ids = receiver.receipts.map((r) => r.eventId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(30);
    });
});

describe(`without MARKETPLACE_WEBHOOK_URL (${dbKind})`, () => {
    let quiet: TestApp;
    beforeAll(async () => {
        quiet = await createTestApp({});
    });
    afterAll(() => quiet.close());

    it('sends nothing, and the events stay pending where the console shows them', async () => {
        expect(quiet.config.webhook.url).toBeUndefined();
        const [event] = await queueEvents(quiet, [{ disputeId: null, type: 'refund.requested' }]);
        expect(await drainOnce(contextOf(quiet), { holder: 'idle' })).toMatchObject({ claimed: 0 });
        const worker = startDeliveryWorker(contextOf(quiet));
        await new Promise((r) => setTimeout(r, 50));
        await worker.stop();
        expect(await storedEvent(quiet, event.id)).toMatchObject({
            status: 'pending',
            attempts: 0,
            leaseHolder: null,
        });
        const supervisor = await quiet.as('supervisor');
        const res = await supervisor.get(`/api/outbox-events/${event.id}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'pending', attempts: 0, type: 'refund.requested' });
    });
});
