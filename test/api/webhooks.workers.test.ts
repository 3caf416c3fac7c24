import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { dbKind } from '../../server/src/db/dbKind';
import { openDataSource } from '../../server/src/db/dataSource';
import { OutboxEvent, WebhookDelivery } from '../../server/src/entities';
import { drainOnce, type DrainReport } from '../../server/src/outbox/deliveryWorker';
import { buildDispute } from '../helpers/factories';
import { createTestApp, type TestApp } from '../helpers/testApp';
import { contextOf, queueEvents, SECRET, startReceiver, type Receiver } from './webhooks.receiver';

let ctx: TestApp;
let receiver: Receiver;

beforeAll(async () => {
    receiver = await startReceiver();
    ctx = await createTestApp({
        MARKETPLACE_WEBHOOK_URL: receiver.url,
        MARKETPLACE_WEBHOOK_SECRET: SECRET,
        WEBHOOK_RETRY_SECONDS: '5,5,5,5,5',
        WEBHOOK_BATCH_SIZE: '10',
    });
});
afterAll(async () => {
    await ctx.close();
    await receiver.close();
});

/**
 * Several server processes share one database only on PostgreSQL: there the second worker has its
 * own connections, as another process would. An SQLite deployment is one process: both workers
 * share its one writer, and must still never send an attempt twice.
 */
async function secondDataSource(): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
    if (dbKind !== 'postgres') return { dataSource: ctx.dataSource, close: async () => undefined };
    const dataSource = await openDataSource({
        databaseUrl: (ctx.dataSource.options as { url: string }).url,
        dataDir: ctx.config.dataDir,
    });
    return { dataSource, close: () => dataSource.destroy() };
}

describe(`two delivery workers on one database (${dbKind})`, () => {
    it('send each attempt once, deliver each event once, in order per dispute', async () => {
        const disputes = await Promise.all(
            Array.from({ length: 20 }, () => buildDispute(ctx.dataSource, { status: 'decided' }))
        );
        const events = await queueEvents(
            ctx,
            Array.from({ length: 200 }, (_, i) => ({ disputeId: i % 10 === 9 ? null : disputes[i % 20].id }))
        );
        // Every fourth event is refused at its first attempt; the receiver is a little slow.
        const refused = new Set(events.filter((_, i) => i % 4 === 0).map((e) => e.id));
        receiver.answer = (r) => {
            if (refused.delete(r.eventId)) return { status: 500 };
            return { status: 200, delayMs: 2 };
        };
        const second = await secondDataSource();
        const totals: Record<'one' | 'two', number> = { one: 0, two: 0 };
        const run = async (name: 'one' | 'two', dataSource: DataSource) => {
            let report: DrainReport;
            do {
                report = await drainOnce(contextOf(ctx, dataSource), {
                    holder: `worker-${name}`,
                    random: () => 0.5,
                });
                totals[name] += report.claimed;
            } while (report.claimed > 0);
        };
        try {
            const pending = () => ctx.dataSource.getRepository(OutboxEvent).countBy({ status: 'pending' });
            for (let round = 0; round < 30 && (await pending()) > 0; round++) {
                await Promise.all([run('one', ctx.dataSource), run('two', second.dataSource)]);
                ctx.clock.advance(5000);
            }
        } finally {
            await second.close();
        }

        const stored = await ctx.dataSource.getRepository(OutboxEvent).findBy({});
        expect(
            stored.filter((e) => events.some((q) => q.id === e.id)).every((e) => e.status === 'delivered')
        ).toBe(true);
        const deliveries = await ctx.dataSource.getRepository(WebhookDelivery).find({ order: { id: 'ASC' } });
        // One recorded attempt per request received: no attempt was sent twice, none went unrecorded.
        expect(receiver.receipts).toHaveLength(deliveries.length);
        expect(receiver.receipts).toHaveLength(250);
        const attempts = new Set(deliveries.map((d) => `${d.outboxEventId}:${d.attempt}`));
        expect(attempts.size).toBe(deliveries.length);
        expect(receiver.receipts.every((r) => r.signatureValid)).toBe(true);
        // Each event succeeded exactly once.
        const successes = deliveries.filter((d) => d.responseStatus === 200).map((d) => d.outboxEventId);
        expect(new Set(successes).size).toBe(200);
        expect(successes).toHaveLength(200);
        // Per dispute, no event was sent before the one before it was delivered.
        for (const dispute of disputes) {
            const ofDispute = events.filter((e) => e.disputeId === dispute.id).map((e) => e.id);
            const sent = receiver.receipts.map((r) => r.eventId).filter((id) => ofDispute.includes(id));
            expect(sent).toEqual([...sent].sort((x, y) => x - y));
            expect(new Set(sent).size).toBe(ofDispute.length);
        }
        if (dbKind === 'postgres') {
            expect(totals.one).toBeGreaterThan(0);
            expect(totals.two).toBeGreaterThan(0);
        }
    });
});
