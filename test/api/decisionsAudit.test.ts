import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillDecisionAudit } from '../../server/src/db/migrations/1764100000010-DecisionsAudit';
import { Decision } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import { buildDecision, buildDispute, buildOrder, HOUR } from '../helpers/factories';
import { idsOf, listUrl } from '../helpers/rest';
import { ruleThroughApi } from '../helpers/supervision';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

/** The decisions list as the supervisor's audit: refund percentage and time to decision, filtered and sorted. */
let ctx: TestApp;
let supervisor: Agent;
let anna: Agent;
let bruno: Agent;
const ids: Record<string, number> = {};

beforeAll(async () => {
    ctx = await createTestApp({ POLICY_MAX_CASES_PER_MEDIATOR: '1000' });
    supervisor = await ctx.as('supervisor', 'audit-supervisor');
    anna = await ctx.as('mediator', 'audit-anna');
    bruno = await ctx.as('mediator', 'audit-bruno');
    ctx.clock.set(new Date(TEST_NOW.getTime() - 3 * 24 * HOUR));
    ids.a25 = (await ruleThroughApi(ctx, anna, { total: 10_000, refund: 2_500, hoursSinceEscalation: 5 })).id;
    ids.a100 = (
        await ruleThroughApi(ctx, anna, { total: 3_000, refund: 3_000, hoursSinceEscalation: 50 })
    ).id;
    ctx.clock.set(TEST_NOW);
    ids.b0 = (
        await ruleThroughApi(ctx, bruno, {
            total: 8_000,
            refund: 0,
            reason: 'low_quality',
            slaBreached: true,
            hoursSinceEscalation: 120,
        })
    ).id;
    // 1 of 3 is 33.33…% and 2 of 3 is 66.66…%: stored rounded.
    ids.b33 = (await ruleThroughApi(ctx, bruno, { total: 3, refund: 1, hoursSinceEscalation: 0.5 })).id;
    ids.b67 = (await ruleThroughApi(ctx, bruno, { total: 3, refund: 2, hoursSinceEscalation: 9.99 })).id;
});
afterAll(() => ctx.close());

const list = (query: Parameters<typeof listUrl>[1]) =>
    supervisor.get(listUrl('/api/decisions', { range: [0, 99], ...query }));

describe('rule() stores the audit figures of a ruling', () => {
    it('writes the refund as a whole percentage of the order and the whole hours since escalation', async () => {
        const res = await list({ sort: ['id', 'ASC'] });
        expect(res.status).toBe(200);
        const byId = new Map((res.body as Record<string, unknown>[]).map((r) => [r.id, r]));
        const figures = (id: number) => {
            const r = byId.get(id)!;
            return [r.refundPercent, r.hoursToDecision, r.mediatorName];
        };
        const [a, b] = [anna.staff.fullName, bruno.staff.fullName];
        expect(figures(ids.a25)).toEqual([25, 5, a]);
        expect(figures(ids.a100)).toEqual([100, 50, a]);
        expect(figures(ids.b0)).toEqual([0, 120, b]);
        expect(figures(ids.b33)).toEqual([33, 0, b]);
        expect(figures(ids.b67)).toEqual([67, 9, b]);
    });
});

describe('GET /api/decisions as the audit', () => {
    it('filters on a refund percentage range, bounds included', async () => {
        const res = await list({
            filter: { refundPercent_gte: 25, refundPercent_lte: 67 },
            sort: ['id', 'ASC'],
        });
        expect(res.status).toBe(200);
        expect(idsOf(res)).toEqual([ids.a25, ids.b33, ids.b67]);
    });

    it('filters on the hours to decision', async () => {
        const res = await list({
            filter: { hoursToDecision_gte: 9, hoursToDecision_lte: 50 },
            sort: ['id', 'ASC'],
        });
        expect(idsOf(res)).toEqual([ids.a100, ids.b67]);
        const exact = await list({ filter: { hoursToDecision: 0 } });
        expect(idsOf(exact)).toEqual([ids.b33]);
    });

    it('sorts by refund percentage and by hours to decision, both ways', async () => {
        const byPercent = await list({ sort: ['refundPercent', 'ASC'] });
        expect(idsOf(byPercent)).toEqual([ids.b0, ids.a25, ids.b33, ids.b67, ids.a100]);
        const byHours = await list({ sort: ['hoursToDecision', 'DESC'] });
        expect(idsOf(byHours)).toEqual([ids.b0, ids.a100, ids.b67, ids.a25, ids.b33]);
    });

    it('filters by mediator, outcome, reason and status, and sorts by mediator and outcome', async () => {
        expect(idsOf(await list({ filter: { mediatorId: anna.staff.id }, sort: ['id', 'ASC'] }))).toEqual([
            ids.a25,
            ids.a100,
        ]);
        expect(idsOf(await list({ filter: { outcome: 'full_refund' } }))).toEqual([ids.a100]);
        expect(idsOf(await list({ filter: { reason: 'low_quality' } }))).toEqual([ids.b0]);
        expect(idsOf(await list({ filter: { status: 'issued' } }))).toHaveLength(5);
        const byMediator = await list({ sort: ['mediatorName', 'DESC'] });
        const [a, b] = [anna.staff.fullName, bruno.staff.fullName];
        expect((byMediator.body as { mediatorName: string }[]).map((r) => r.mediatorName)).toEqual([
            b,
            b,
            b,
            a,
            a,
        ]);
        const byOutcome = await list({ sort: ['outcome', 'ASC'] });
        expect((byOutcome.body as { outcome: string }[]).map((r) => r.outcome)).toEqual([
            'full_refund',
            'no_refund',
            'partial_refund',
            'partial_refund',
            'partial_refund',
        ]);
    });

    it('records whether the review SLA target had passed, and filters on it', async () => {
        expect(idsOf(await list({ filter: { slaBreached: true } }))).toEqual([ids.b0]);
        expect(idsOf(await list({ filter: { slaBreached: false } }))).toHaveLength(4);
    });

    it('filters on the period of issue', async () => {
        const res = await list({
            filter: {
                issuedAt_gte: new Date(TEST_NOW.getTime() - 4 * 24 * HOUR).toISOString(),
                issuedAt_lte: new Date(TEST_NOW.getTime() - 2 * 24 * HOUR).toISOString(),
            },
            sort: ['id', 'ASC'],
        });
        expect(idsOf(res)).toEqual([ids.a25, ids.a100]);
    });

    it('refuses a percentage that is not a whole number, naming the filter', async () => {
        const res = await list({ filter: { refundPercent_gte: 'half' } });
        expect(res.status).toBe(400);
        expect(res.body.errors).toHaveProperty('refundPercent_gte');
    });
});

describe('the migration backfill', () => {
    it('computes the same figures as rule() for rulings made before the columns existed', async () => {
        const order = await buildOrder(ctx.dataSource, { unitPrice: 7_000 });
        const dispute = await buildDispute(ctx.dataSource, {
            order,
            status: 'decided',
            escalatedAt: new Date(TEST_NOW.getTime() - 30 * HOUR - 59 * 60_000),
        });
        const never = await buildDispute(ctx.dataSource, { status: 'resolved' });
        const old = await buildDecision(ctx.dataSource, {
            disputeId: dispute.id,
            refundAmount: 1_050,
            orderTotal: 7_000,
            createdAt: TEST_NOW,
            issuedAt: TEST_NOW,
        });
        const unescalated = await buildDecision(ctx.dataSource, {
            disputeId: never.id,
            refundAmount: 0,
            orderTotal: null,
        });
        const late = await buildDispute(ctx.dataSource, {
            status: 'decided',
            escalatedAt: new Date(TEST_NOW.getTime() - 200 * HOUR),
            slaDueAt: new Date(TEST_NOW.getTime() - 32 * HOUR),
        });
        const lateRuling = await buildDecision(ctx.dataSource, {
            disputeId: late.id,
            orderTotal: 1_000,
            refundAmount: 1_000,
            createdAt: TEST_NOW,
        });
        await backfillDecisionAudit(ctx.dataSource.createQueryRunner());
        const repo = ctx.dataSource.getRepository(Decision);
        const filled = await repo.findOneByOrFail({ id: old.id });
        expect([filled.refundPercent, filled.hoursToDecision, filled.slaBreached]).toEqual([15, 30, false]);
        const breached = await repo.findOneByOrFail({ id: lateRuling.id });
        expect([breached.refundPercent, breached.hoursToDecision, breached.slaBreached]).toEqual([
            100,
            200,
            true,
        ]);
        const empty = await repo.findOneByOrFail({ id: unescalated.id });
        expect([empty.refundPercent, empty.hoursToDecision]).toEqual([null, null]);
        // The rulings made through rule() keep their figures.
        expect((await repo.findOneByOrFail({ id: ids.b67 })).refundPercent).toBe(67);
    });
});
