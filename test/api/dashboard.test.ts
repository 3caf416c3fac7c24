import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildDailyStats } from '../../server/src/dashboard/statsRebuild';
import { injectIssuingFault } from '../../server/src/decisions/issuing';
import { runDueJobs } from '../../server/src/jobs/scheduler';
import { signIn, type Agent } from '../helpers/agent';
import { integrationPost, newKey, openThroughApi } from '../helpers/integration';
import { listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/**
 * One month of disputes played through the real workflow (integration API, staff actions, the
 * deadline jobs), then every chart checked against what happened, and against the rebuild.
 */
let ctx: TestApp;
const ids: Record<string, number> = {};
const PERIOD = 'from=2026-11-01&to=2026-11-22';

const at = (iso: string) => ctx.clock.set(new Date(iso));
/** A staff member signed in now (sessions expire as the clock moves on). */
const staff = (role: 'mediator' | 'supervisor' | 'support') =>
    signIn(ctx.app, ctx.dataSource, role, `dash-${role}`);

async function ok(res: { status: number; body: unknown }, status = 200) {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as Record<string, unknown>;
}

async function offer(disputeId: number, amount: number) {
    return ok(
        await integrationPost(ctx, `/disputes/${disputeId}/offers`, {
            solution: 'partial_refund_keep',
            amount,
        }),
        201
    );
}

async function rule(mediator: Agent, disputeId: number, refundAmount: number) {
    await ok(await mediator.post(`/api/disputes/${disputeId}/pickup`).send({}));
    await ok(
        await mediator.post(`/api/disputes/${disputeId}/decision`).set('Idempotency-Key', newKey()).send({
            refundAmount,
            returnRequired: false,
            rationaleBuyer: 'The photos show the defect described in the claim, so a refund is due.',
            rationaleSeller: 'The item shipped differs from the listing; the refund follows the evidence.',
            evidenceIds: [],
        }),
        201
    );
}

async function refundOf(disputeId: number) {
    const supervisor = await staff('supervisor');
    const list = await supervisor.get(listUrl('/api/refunds', { filter: { disputeId } }));
    expect(list.body).toHaveLength(1);
    return list.body[0] as { id: number; amount: number; currency: string };
}

async function chart(path: string, query = PERIOD) {
    const supervisor = await staff('supervisor');
    return ok(await supervisor.get(`/api/dashboard/${path}?${query}`));
}

const ALL_CHARTS = ['queue', 'sla-breaches', 'outcomes', 'refunds', 'mediators', 'refunds-overdue'];

beforeAll(async () => {
    ctx = await createTestApp();
    at('2026-11-01T10:00:00Z');
    const usd = { currency: 'USD', unitPrice: 5_000, quantity: 1, total: 5_000 };
    ids.a = (
        await openThroughApi(ctx, { order: usd, claim: { reason: 'defective', requestedAmount: 3_000 } })
    ).id;
    ids.b = (
        await openThroughApi(ctx, {
            order: usd,
            claim: { reason: 'not_as_described', requestedAmount: 3_000 },
        })
    ).id;
    ids.c = (
        await openThroughApi(ctx, { order: usd, claim: { reason: 'defective', requestedAmount: 3_000 } })
    ).id;
    ids.f = (
        await openThroughApi(ctx, { order: usd, claim: { reason: 'defective', requestedAmount: 3_000 } })
    ).id;
    const jpy = { currency: 'JPY', unitPrice: 9_000, quantity: 1, total: 9_000 };
    ids.d = (
        await openThroughApi(ctx, { order: jpy, claim: { reason: 'wrong_size', requestedAmount: 4_000 } })
    ).id;
    const eur = { currency: 'EUR', unitPrice: 7_000, quantity: 1, total: 7_000 };
    ids.e = (
        await openThroughApi(ctx, {
            order: eur,
            claim: { reason: 'defective', requestedSolution: 'full_refund_keep', requestedAmount: 7_000 },
        })
    ).id;

    at('2026-11-02T10:00:00Z');
    for (const key of ['a', 'b', 'c', 'f']) await offer(ids[key], 1_000);
    const dOffer = await offer(ids.d, 3_000);

    at('2026-11-05T10:00:00Z');
    for (const key of ['a', 'b', 'c', 'f'])
        await ok(await integrationPost(ctx, `/disputes/${ids[key]}/escalate`, {}));
    await ok(await integrationPost(ctx, `/disputes/${ids.d}/offers/${dOffer.id}/accept`, {}));

    at('2026-11-06T10:00:00Z');
    await runDueJobs(ctx); // the seller of e stayed silent: full refund
    const mediator = await staff('mediator');
    await rule(mediator, ids.a, 2_000);

    at('2026-11-07T10:00:00Z');
    await rule(await staff('mediator'), ids.b, 0);

    at('2026-11-08T10:00:00Z');
    await ok(await integrationPost(ctx, `/disputes/${ids.c}/withdraw`, {}));

    at('2026-11-10T10:00:00Z');
    await ok(await integrationPost(ctx, `/refunds/${(await refundOf(ids.a)).id}/completed`, {}));

    at('2026-11-12T10:00:00Z');
    await runDueJobs(ctx); // f has waited 7 days in the queue: SLA target breached

    at('2026-11-21T10:00:00Z');
    await runDueJobs(ctx); // the refunds of d and e are 15 days old: overdue

    at('2026-11-22T12:00:00Z');
    await ok(await integrationPost(ctx, `/refunds/${(await refundOf(ids.d)).id}/completed`, {}));
});
afterAll(() => ctx.close());

describe('GET /api/dashboard/queue', () => {
    it('tells the queue size and mean age at the end of each day', async () => {
        const body = await chart('queue');
        const points = body.points as { day: string; size: number; meanAgeDays: number | null }[];
        expect(points).toHaveLength(22);
        const byDay = Object.fromEntries(points.map((p) => [p.day, p]));
        expect(byDay['2026-11-04']).toEqual({ day: '2026-11-04', size: 0, meanAgeDays: null });
        // Four escalated at 10:00, measured at midnight: 14 hours.
        expect(byDay['2026-11-05']).toEqual({ day: '2026-11-05', size: 4, meanAgeDays: 0.6 });
        expect(byDay['2026-11-06'].size).toBe(3);
        expect(byDay['2026-11-07'].size).toBe(2);
        expect(byDay['2026-11-08']).toEqual({ day: '2026-11-08', size: 1, meanAgeDays: 3.6 });
        // The last day is measured now (12:00), not at its end.
        expect(byDay['2026-11-22']).toEqual({ day: '2026-11-22', size: 1, meanAgeDays: 17.1 });
    });

    it('sums weeks from Monday, starting the first bucket at the period', async () => {
        const body = await chart('queue', `${PERIOD}&bucket=week`);
        expect(body.points).toEqual([
            { day: '2026-11-01', size: 0, meanAgeDays: null },
            { day: '2026-11-02', size: 1, meanAgeDays: 3.6 },
            { day: '2026-11-09', size: 1, meanAgeDays: 10.6 },
            { day: '2026-11-16', size: 1, meanAgeDays: 17.1 },
        ]);
    });

    it('carries what happened before the period into its first day', async () => {
        const body = await chart('queue', 'from=2026-11-10&to=2026-11-10');
        expect(body.points).toEqual([{ day: '2026-11-10', size: 1, meanAgeDays: 5.6 }]);
    });
});

describe('GET /api/dashboard/sla-breaches', () => {
    it('counts each breach on its day', async () => {
        const body = await chart('sla-breaches', 'from=2026-11-11&to=2026-11-13');
        expect(body.points).toEqual([
            { day: '2026-11-11', target: 0, hard: 0 },
            { day: '2026-11-12', target: 1, hard: 0 },
            { day: '2026-11-13', target: 0, hard: 0 },
        ]);
    });
});

describe('GET /api/dashboard/outcomes', () => {
    it('tells how the disputes ended, by reason', async () => {
        const body = await chart('outcomes');
        const zero = {
            full_refund: 0,
            partial_refund: 0,
            no_refund: 0,
            agreement: 0,
            seller_timeout: 0,
            withdrawn: 0,
        };
        expect(body.rows).toEqual([
            { ...zero, reason: 'defective', total: 3, partial_refund: 1, withdrawn: 1, seller_timeout: 1 },
            { ...zero, reason: 'not_as_described', total: 1, no_refund: 1 },
            { ...zero, reason: 'wrong_size', total: 1, agreement: 1 },
        ]);
    });

    it('counts only what ended within the period', async () => {
        const body = await chart('outcomes', 'from=2026-11-07&to=2026-11-08');
        expect((body.rows as { reason: string; total: number }[]).map((r) => [r.reason, r.total])).toEqual([
            ['defective', 1],
            ['not_as_described', 1],
        ]);
    });
});

describe('GET /api/dashboard/refunds', () => {
    it('totals refunds per currency, never across currencies', async () => {
        const body = await chart('refunds');
        expect(body.currencies).toEqual([
            { currency: 'EUR', requested: 1, requestedAmount: 7_000, paid: 0, paidAmount: 0 },
            { currency: 'JPY', requested: 1, requestedAmount: 3_000, paid: 1, paidAmount: 3_000 },
            { currency: 'USD', requested: 1, requestedAmount: 2_000, paid: 1, paidAmount: 2_000 },
        ]);
    });

    it('draws the chosen currency day by day', async () => {
        const body = await chart('refunds', `${PERIOD}&currency=USD`);
        expect(body.currency).toBe('USD');
        const points = body.points as { day: string; requestedAmount: number; paidAmount: number }[];
        expect(points.filter((p) => p.requestedAmount || p.paidAmount)).toEqual([
            { day: '2026-11-06', requested: 1, requestedAmount: 2_000, paid: 0, paidAmount: 0 },
            { day: '2026-11-10', requested: 0, requestedAmount: 0, paid: 1, paidAmount: 2_000 },
        ]);
    });
});

describe('GET /api/dashboard/mediators', () => {
    it('counts the rulings each mediator issued', async () => {
        const body = await chart('mediators');
        const mediator = await staff('mediator');
        expect(body.rows).toEqual([
            { mediatorId: mediator.staff.id, name: mediator.staff.fullName, rulings: 2 },
        ]);
        expect((await chart('mediators', 'from=2026-11-07&to=2026-11-30')).rows).toEqual([
            { mediatorId: mediator.staff.id, name: mediator.staff.fullName, rulings: 1 },
        ]);
    });
});

describe('GET /api/dashboard/refunds-overdue', () => {
    it('counts refunds found overdue and those still unpaid, per currency', async () => {
        const body = await chart('refunds-overdue');
        expect(body.currencies).toEqual([
            { currency: 'EUR', overdue: 1, overdueAmount: 7_000, open: 1, openAmount: 7_000 },
            { currency: 'JPY', overdue: 1, overdueAmount: 3_000, open: 0, openAmount: 0 },
        ]);
        const jpy = await chart('refunds-overdue', 'from=2026-11-20&to=2026-11-22&currency=JPY');
        expect(jpy.points).toEqual([
            { day: '2026-11-20', overdue: 0, overdueAmount: 0, open: 0, openAmount: 0 },
            { day: '2026-11-21', overdue: 1, overdueAmount: 3_000, open: 1, openAmount: 3_000 },
            { day: '2026-11-22', overdue: 0, overdueAmount: 0, open: 0, openAmount: 0 },
        ]);
    });
});

describe('the aggregates rebuilt from the rows', () => {
    it('give every chart the very same answers as the ones maintained by the workflow', async () => {
        const live = await Promise.all(ALL_CHARTS.map((name) => chart(name)));
        const weekly = await Promise.all(ALL_CHARTS.map((name) => chart(name, `${PERIOD}&bucket=week`)));
        await rebuildDailyStats(ctx.dataSource);
        expect(await Promise.all(ALL_CHARTS.map((name) => chart(name)))).toEqual(live);
        expect(await Promise.all(ALL_CHARTS.map((name) => chart(name, `${PERIOD}&bucket=week`)))).toEqual(
            weekly
        );
    });
});

describe('an overturned ruling', () => {
    it('leaves the outcomes of its day and returns the dispute to the queue', async () => {
        at('2026-11-23T10:00:00Z');
        const supervisor = await staff('supervisor');
        const decisions = await supervisor.get(listUrl('/api/decisions', { filter: { disputeId: ids.b } }));
        await ok(
            await supervisor
                .post(`/api/decisions/${decisions.body[0].id}/overturn`)
                .send({ reason: 'The tracking shows the parcel was never delivered.' })
        );
        const outcomes = await chart('outcomes', 'from=2026-11-07&to=2026-11-07');
        expect(outcomes.rows).toEqual([]);
        const queue = await chart('queue', 'from=2026-11-23&to=2026-11-23');
        expect((queue.points as { size: number }[])[0].size).toBe(2);
        // Throughput is work done: the overturned ruling still counts for its mediator.
        expect((await chart('mediators', 'from=2026-11-07&to=2026-11-07')).rows).toHaveLength(1);
    });
});

describe('a change that rolls back', () => {
    it('leaves the aggregates as they were', async () => {
        at('2026-11-24T10:00:00Z');
        const query = 'from=2026-11-24&to=2026-11-24';
        const before = await Promise.all(ALL_CHARTS.map((name) => chart(name, query)));
        const mediator = await staff('mediator');
        await ok(await mediator.post(`/api/disputes/${ids.f}/pickup`).send({}));
        injectIssuingFault('close');
        try {
            const res = await mediator
                .post(`/api/disputes/${ids.f}/decision`)
                .set('Idempotency-Key', newKey())
                .send({
                    refundAmount: 0,
                    returnRequired: false,
                    rationaleBuyer: 'The photos show no defect; the item matches the listing as described.',
                    rationaleSeller: 'The evidence supports the listing; no refund is due to the buyer.',
                    evidenceIds: [],
                });
            expect(res.status).toBe(500);
        } finally {
            injectIssuingFault(null);
        }
        expect(await Promise.all(ALL_CHARTS.map((name) => chart(name, query)))).toEqual(before);
    });
});

describe('access and bad input', () => {
    it('is for supervisors only', async () => {
        for (const role of ['mediator', 'support'] as const) {
            const agent = await staff(role);
            for (const name of ALL_CHARTS)
                expect((await agent.get(`/api/dashboard/${name}`)).status).toBe(403);
        }
        expect((await ctx.request().get('/api/dashboard/queue')).status).toBe(401);
    });

    it('answers a clear 400 naming the field', async () => {
        const supervisor = await staff('supervisor');
        const cases: [string, string][] = [
            ['queue?from=2026-13-01', 'from'],
            ['queue?to=yesterday', 'to'],
            ['queue?from=2026-11-10&to=2026-11-01', 'from'],
            ['queue?from=2020-01-01&to=2026-11-01', 'from'],
            ['queue?bucket=month', 'bucket'],
            ['refunds?currency=usd', 'currency'],
            ['queue?currency=USD', 'currency'],
            ['outcomes?limit=3', 'limit'],
        ];
        for (const [url, field] of cases) {
            const res = await supervisor.get(`/api/dashboard/${url}`);
            expect(res.status, url).toBe(400);
            expect(res.body.errors, url).toHaveProperty(field);
        }
    });

    it('defaults to the last 30 days by day', async () => {
        const body = await chart('sla-breaches', '');
        expect(body).toMatchObject({ from: '2026-10-26', to: '2026-11-24', bucket: 'day' });
        expect(body.points).toHaveLength(30);
    });
});
