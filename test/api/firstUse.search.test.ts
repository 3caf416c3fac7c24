import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispute } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import { buildBuyer, buildDispute, buildOrder } from '../helpers/factories';
import { idsOf, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** What a first-time user typed into the search boxes: `#14`, `14`, tracking and order numbers. */
let ctx: TestApp;
let api: Agent;
let tracked: Dispute;
let buyerId: number;
let other: Dispute;

const search = (resource: string, q: string, filter: Record<string, unknown> = {}) =>
    api.get(listUrl(`/api/${resource}`, { filter: { ...filter, q }, range: [0, 99] }));

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    const buyer = await buildBuyer(ctx.dataSource, { name: 'Nadezhda Orlova' });
    buyerId = buyer.id;
    const order = await buildOrder(ctx.dataSource, {
        buyer,
        externalId: 'AE-9000-ORLOVA',
        trackingNumber: 'LP00912345678CN',
    });
    tracked = await buildDispute(ctx.dataSource, { order, status: 'escalated', assigneeId: null });
    other = await buildDispute(ctx.dataSource, { description: `Mentions #${tracked.id} in passing` });
});
afterAll(() => ctx.close());

describe('GET /api/disputes?filter={"q":…}', () => {
    it('finds exactly the dispute with `#<id>`, and it among others with `<id>`', async () => {
        const byHash = await search('disputes', `#${tracked.id}`);
        expect(byHash.status).toBe(200);
        expect(idsOf(byHash)).toEqual([tracked.id]);
        expect(idsOf(await search('disputes', `# ${tracked.id}`))).toEqual([tracked.id]);
        expect(idsOf(await search('disputes', String(tracked.id)))).toContain(tracked.id);
        expect(idsOf(await search('disputes', String(other.id)))).toContain(other.id);
    });

    it('finds nothing for `#` and a number beyond any id, without an error', async () => {
        const res = await search('disputes', '#99999999999');
        expect(res.status).toBe(200);
        expect(idsOf(res)).toEqual([]);
    });

    it('finds a dispute by its order’s tracking number and marketplace order number, in any case', async () => {
        expect(idsOf(await search('disputes', 'LP00912345678CN'))).toEqual([tracked.id]);
        expect(idsOf(await search('disputes', 'lp00912345678cn'))).toEqual([tracked.id]);
        expect(idsOf(await search('disputes', 'AE-9000-ORLOVA'))).toEqual([tracked.id]);
    });

    it('finds it from the queue (escalated and unassigned) and counts it there', async () => {
        const queue = { status: 'escalated', assigneeId: null };
        expect(idsOf(await search('disputes', 'LP00912345678CN', queue))).toEqual([tracked.id]);
        expect(idsOf(await search('disputes', `#${tracked.id}`, queue))).toEqual([tracked.id]);
        const counts = await api.get(
            `/api/queue/counts?filter=${encodeURIComponent(JSON.stringify({ q: 'LP00912345678CN' }))}`
        );
        expect(counts.status).toBe(200);
        expect(counts.body.total).toBe(1);
    });
});

describe('the tracking and order numbers from the other lists', () => {
    it('finds the order', async () => {
        const orders = await search('orders', 'LP00912345678CN');
        expect(idsOf(orders)).toEqual([tracked.orderId]);
        expect(idsOf(await search('orders', 'ae-9000-orlova'))).toEqual([tracked.orderId]);
    });

    it('finds the buyer of the order', async () => {
        expect(idsOf(await search('buyers', 'LP00912345678CN'))).toEqual([buyerId]);
        expect(idsOf(await search('buyers', 'ae-9000-orlova'))).toEqual([buyerId]);
        expect(idsOf(await search('buyers', 'LP0091234'))).toEqual([]);
    });

    it('reads the order by index, not by scanning the orders', async () => {
        const sql = `SELECT "id" FROM "order" WHERE "trackingNumber" IN ('A', 'a')`;
        const runner = ctx.dataSource.createQueryRunner();
        try {
            let plan: unknown;
            if (ctx.dataSource.options.type === 'postgres') {
                // A table this small is read whole by choice; forbid that to see what the index can serve.
                await runner.startTransaction();
                await runner.query('SET LOCAL enable_seqscan = off');
                plan = await runner.query(`EXPLAIN ${sql}`);
                await runner.rollbackTransaction();
            } else {
                plan = await runner.query(`EXPLAIN QUERY PLAN ${sql}`);
            }
            expect(JSON.stringify(plan)).toMatch(/IDX_order_tracking_number/);
        } finally {
            await runner.release();
        }
    });
});
