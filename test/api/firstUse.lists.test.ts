import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../shared/policy';
import { OutboxEvent } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import { buildDecision, buildDispute, buildStaff } from '../helpers/factories';
import { idsOf, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** The queue's "Waiting" facet counts, and the search boxes of the lists that had none. */
let ctx: TestApp;
let api: Agent;

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
});
afterAll(() => ctx.close());

const counts = async (filter: Record<string, unknown> = {}) => {
    const res = await api.get(`/api/queue/counts?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(res.status).toBe(200);
    return res.body as { total: number; ages: Record<string, number> };
};

describe('GET /api/queue/counts: the "Waiting" facet', () => {
    it('counts the queued disputes escalated at least 1, 3, 7 and 14 days ago, whatever age is chosen', async () => {
        const now = ctx.clock.now().getTime();
        for (const days of [0.5, 2, 5, 10, 20]) {
            await buildDispute(ctx.dataSource, {
                status: 'escalated',
                assigneeId: null,
                escalatedAt: new Date(now - days * DAY_MS),
                reason: 'defective',
            });
        }
        // Held by a mediator: not in the queue.
        await buildDispute(ctx.dataSource, {
            status: 'escalated',
            assigneeId: (await buildStaff(ctx.dataSource, { role: 'mediator' })).id,
            escalatedAt: new Date(now - 30 * DAY_MS),
        });
        const all = await counts();
        expect(all.ages).toEqual({ '1': 4, '3': 3, '7': 2, '14': 1 });
        // Choosing an age narrows the list, not the facet's own counts.
        const chosen = await counts({ escalatedAt_lte: new Date(now - 7 * DAY_MS).toISOString() });
        expect(chosen.total).toBe(2);
        expect(chosen.ages).toEqual(all.ages);
        // Another filter narrows them.
        expect((await counts({ reason: 'not_as_described' })).ages).toEqual({
            '1': 0,
            '3': 0,
            '7': 0,
            '14': 0,
        });
    });
});

describe('the search of the lists beyond disputes', () => {
    it('finds outbox events by dispute and by their delivery error', async () => {
        const dispute = await buildDispute(ctx.dataSource, {});
        const row = await ctx.dataSource.getRepository(OutboxEvent).save({
            type: 'dispute.opened',
            disputeId: dispute.id,
            audience: 'buyer',
            payload: {},
            status: 'dead',
            attempts: 8,
            nextAttemptAt: new Date(),
            lastError: 'connect ECONNREFUSED 10.0.0.9:443',
        });
        const search = (q: string) => api.get(listUrl('/api/outbox-events', { filter: { q } }));
        expect(idsOf(await search('econnrefused'))).toEqual([Number(row.id)]);
        expect(idsOf(await search(String(dispute.id)))).toContain(Number(row.id));
    });

    it('finds decisions by `#id`, by dispute and by mediator name', async () => {
        const mediator = await buildStaff(ctx.dataSource, { role: 'mediator', fullName: 'Yaroslava Kim' });
        const decision = await buildDecision(ctx.dataSource, { mediatorId: mediator.id });
        const search = (q: string) => api.get(listUrl('/api/decisions', { filter: { q } }));
        expect(idsOf(await search(`#${decision.id}`))).toEqual([decision.id]);
        expect(idsOf(await search(String(decision.disputeId)))).toContain(decision.id);
        expect(idsOf(await search('yaroslava'))).toEqual([decision.id]);
    });
});
