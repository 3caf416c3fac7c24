import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisputeReason, Outcome } from '../../shared/domain';
import { DEFAULT_POLICY } from '../../shared/policy';
import { isFarFromPrecedents, median, precedentAmountBand } from '../../shared/precedents';
import type { Guidance } from '../../shared/precedents';
import { Decision, type Dispute } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import {
    buildDecision,
    buildDispute,
    buildOffer,
    buildOrder,
    buildStaff,
    daysFromNow,
} from '../helpers/factories';
import { expectError } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/**
 * GET /api/disputes/:id/guidance: what the buyer asked, the seller's last offer, the partial-refund
 * rule of thumb and the precedents. Each describe works on a reason of its own, so that the
 * precedents built for one never show in another's answer.
 */
let ctx: TestApp;
let api: Agent;
let mediatorId: number;

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    mediatorId = (await buildStaff(ctx.dataSource, { role: 'mediator' })).id;
});
afterAll(() => ctx?.close());

/** The dispute being ruled on: an order of `total` minor units. */
async function subject(
    reason: DisputeReason,
    fields: { total?: number; currency?: string; goodsReceived?: boolean } & Partial<Dispute> = {}
): Promise<Dispute> {
    const { total = 10_000, currency = 'USD', ...rest } = fields;
    const order = await buildOrder(ctx.dataSource, { unitPrice: total, quantity: 1, total, currency });
    return buildDispute(ctx.dataSource, { order, status: 'in_review', reason, goodsReceived: true, ...rest });
}

/** An issued ruling on another (decided) dispute, with the fields a precedent search reads. */
function ruling(
    reason: DisputeReason,
    fields: { orderTotal?: number; refundAmount?: number; daysAgo?: number } & Partial<Decision> = {}
): Promise<Decision> {
    const { orderTotal = 10_000, refundAmount = 5_000, daysAgo = 1, ...rest } = fields;
    const issuedAt = daysFromNow(-daysAgo);
    return buildDecision(ctx.dataSource, {
        mediatorId,
        reason,
        goodsReceived: true,
        currency: 'USD',
        orderTotal,
        refundAmount,
        outcome:
            refundAmount <= 0 ? 'no_refund' : refundAmount >= orderTotal ? 'full_refund' : 'partial_refund',
        status: 'issued',
        issuedAt,
        createdAt: issuedAt,
        ...rest,
    });
}

async function guidance(disputeId: number): Promise<Guidance> {
    const res = await api.get(`/api/disputes/${disputeId}/guidance`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Guidance;
}

const decisionIds = (g: Guidance) => g.precedents.items.map((item) => item.decisionId);

describe('the precedent rules (shared/precedents.ts)', () => {
    it('takes order totals within ±50 % by default, both edges included, rounded inwards', () => {
        expect(precedentAmountBand(10_000, DEFAULT_POLICY)).toEqual({ min: 5_000, max: 15_000 });
        expect(precedentAmountBand(10_001, DEFAULT_POLICY)).toEqual({ min: 5_001, max: 15_001 });
        expect(precedentAmountBand(3, DEFAULT_POLICY)).toEqual({ min: 2, max: 4 });
        expect(precedentAmountBand(10_000, { ...DEFAULT_POLICY, precedentAmountBandPercent: 20 })).toEqual({
            min: 8_000,
            max: 12_000,
        });
        expect(precedentAmountBand(10_000, { ...DEFAULT_POLICY, precedentAmountBandPercent: 150 }).min).toBe(
            0
        );
    });

    it('takes the median of an odd count, the mean of the middle two of an even one, null of none', () => {
        expect(median([100, 0, 40])).toBe(40);
        expect(median([100, 0, 50, 30])).toBe(40);
        expect(median([0, 100, 45, 50])).toBe(47.5);
        expect(median([7])).toBe(7);
        expect(median([])).toBeNull();
    });

    it('finds a ruling far from the median from 30 percentage points on, either way', () => {
        expect(isFarFromPrecedents(80, 50, DEFAULT_POLICY)).toBe(true);
        expect(isFarFromPrecedents(20, 50, DEFAULT_POLICY)).toBe(true);
        expect(isFarFromPrecedents(79, 50, DEFAULT_POLICY)).toBe(false);
        expect(isFarFromPrecedents(21, 50, DEFAULT_POLICY)).toBe(false);
        expect(isFarFromPrecedents(100, 90, { ...DEFAULT_POLICY, precedentFarPercentPoints: 10 })).toBe(true);
        expect(isFarFromPrecedents(100, null, DEFAULT_POLICY)).toBe(false);
    });
});

describe('GET /api/disputes/:id/guidance — which rulings are precedents', () => {
    let dispute: Dispute;
    const included: Decision[] = [];
    const excluded: Record<string, Decision> = {};

    beforeAll(async () => {
        const reason = 'defective';
        dispute = await subject(reason, { total: 10_000 });
        // Newest first: the band's lower edge, the upper edge, a plain one.
        included.push(await ruling(reason, { orderTotal: 5_000, daysAgo: 1 }));
        included.push(await ruling(reason, { orderTotal: 15_000, daysAgo: 2 }));
        included.push(await ruling(reason, { orderTotal: 9_000, daysAgo: 3 }));
        excluded.belowBand = await ruling(reason, { orderTotal: 4_999 });
        excluded.aboveBand = await ruling(reason, { orderTotal: 15_001 });
        excluded.otherReason = await ruling('wrong_size', { orderTotal: 10_000 });
        excluded.notReceived = await ruling(reason, { goodsReceived: false });
        excluded.otherCurrency = await ruling(reason, { currency: 'EUR' });
        excluded.overturned = await ruling(reason, { status: 'overturned' });
        excluded.pending = await ruling(reason, { status: 'pending_approval', issuedAt: null });
        excluded.rejected = await ruling(reason, { status: 'rejected', issuedAt: null });
        excluded.draft = await ruling(reason, { status: 'draft', issuedAt: null });
        excluded.ownDispute = await ruling(reason, { disputeId: dispute.id, status: 'issued' });
    });

    it('keeps issued rulings of the same reason, received flag and currency within the amount band', async () => {
        const g = await guidance(dispute.id);

        expect(decisionIds(g)).toEqual(included.map((d) => d.id));
        for (const [why, decision] of Object.entries(excluded)) {
            expect(decisionIds(g), `the ${why} ruling`).not.toContain(decision.id);
        }
        expect(g.precedents.band).toEqual({ percent: 50, min: 5_000, max: 15_000 });
    });

    it('describes each precedent with the link to its dispute and its refund percentage', async () => {
        const g = await guidance(dispute.id);
        const [edge] = g.precedents.items;

        expect(edge).toEqual({
            decisionId: included[0].id,
            disputeId: included[0].disputeId,
            outcome: 'full_refund',
            refundAmount: 5_000,
            orderTotal: 5_000,
            currency: 'USD',
            refundPercent: 100,
            issuedAt: daysFromNow(-1).toISOString(),
        });
        expect(edge.disputeId).not.toBe(dispute.id);
        const linked = await api.get(`/api/disputes/${edge.disputeId}`);
        expect(linked.status).toBe(200);
    });

    it('finds the precedents of a dispute whose goods did not arrive among not-received rulings', async () => {
        const notReceived = await subject('defective', { goodsReceived: false });

        const g = await guidance(notReceived.id);

        expect(decisionIds(g)).toEqual([excluded.notReceived.id]);
    });

    it('drops a ruling once it is overturned', async () => {
        const reason = 'quantity_short';
        const d = await subject(reason);
        const kept = await ruling(reason, { daysAgo: 2 });
        const later = await ruling(reason, { daysAgo: 1 });
        expect(decisionIds(await guidance(d.id))).toEqual([later.id, kept.id]);

        await ctx.dataSource.getRepository(Decision).update(later.id, { status: 'overturned' });

        expect(decisionIds(await guidance(d.id))).toEqual([kept.id]);
    });
});

describe('GET /api/disputes/:id/guidance — the 20 most recent, their outcomes and median', () => {
    let dispute: Dispute;
    /** [decision, daysAgo, refund percent] of 25 rulings, built in shuffled order of time. */
    const built: { decision: Decision; daysAgo: number; percent: number }[] = [];

    beforeAll(async () => {
        const reason = 'wrong_color';
        dispute = await subject(reason, { total: 20_000 });
        for (let k = 0; k < 25; k++) {
            const daysAgo = 1 + ((k * 7) % 25); // a permutation of 1 … 25
            const percent = [0, 25, 50, 100][k % 4];
            const orderTotal = 12_000 + 400 * k;
            const refundAmount = (orderTotal * percent) / 100;
            built.push({
                decision: await ruling(reason, { orderTotal, refundAmount, daysAgo }),
                daysAgo,
                percent,
            });
        }
    });

    it('lists at most 20, the most recently issued first', async () => {
        const g = await guidance(dispute.id);

        const newest = [...built].sort((a, b) => a.daysAgo - b.daysAgo).slice(0, 20);
        expect(g.precedents.count).toBe(20);
        expect(decisionIds(g)).toEqual(newest.map((b) => b.decision.id));
        const times = g.precedents.items.map((item) => item.issuedAt);
        expect(times).toEqual([...times].sort().reverse());
    });

    it('counts the outcomes and takes the median percentage of those 20', async () => {
        const g = await guidance(dispute.id);

        const newest = [...built].sort((a, b) => a.daysAgo - b.daysAgo).slice(0, 20);
        const expected: Record<Outcome, number> = { full_refund: 0, partial_refund: 0, no_refund: 0 };
        for (const b of newest) {
            expected[b.percent === 0 ? 'no_refund' : b.percent === 100 ? 'full_refund' : 'partial_refund']++;
        }
        expect(g.precedents.outcomes).toEqual(expected);
        expect(g.precedents.items.map((item) => item.refundPercent).sort()).toEqual(
            newest.map((b) => b.percent).sort()
        );
        expect(g.precedents.medianRefundPercent).toBe(median(newest.map((b) => b.percent)));
        expect(g.precedents.farPercentPoints).toBe(30);
    });

    it('takes the median of an odd count of precedents', async () => {
        const reason = 'counterfeit';
        const d = await subject(reason);
        for (const refundAmount of [10_000, 0, 4_000]) await ruling(reason, { refundAmount });

        const g = await guidance(d.id);

        expect(g.precedents.count).toBe(3);
        expect(g.precedents.medianRefundPercent).toBe(40);
        expect(g.precedents.outcomes).toEqual({ full_refund: 1, partial_refund: 1, no_refund: 1 });
    });

    it('takes the mean of the middle two of an even count', async () => {
        const reason = 'low_quality';
        const d = await subject(reason);
        for (const refundAmount of [10_000, 0, 3_000, 6_000]) await ruling(reason, { refundAmount });

        const g = await guidance(d.id);

        expect(g.precedents.count).toBe(4);
        expect(g.precedents.medianRefundPercent).toBe(45);
        expect(g.precedents.outcomes).toEqual({ full_refund: 1, partial_refund: 2, no_refund: 1 });
    });

    it('answers no precedents (and no median) when nothing similar was decided', async () => {
        const d = await subject('missing_parts');

        const g = await guidance(d.id);

        expect(g.precedents).toEqual({
            count: 0,
            outcomes: { full_refund: 0, partial_refund: 0, no_refund: 0 },
            medianRefundPercent: null,
            farPercentPoints: 30,
            band: { percent: 50, min: 5_000, max: 15_000 },
            items: [],
        });
    });
});

describe('GET /api/disputes/:id/guidance — the request, the offer and the rule of thumb', () => {
    it("shows the buyer's request, the seller's latest offer in any status and 50 % of the total", async () => {
        const d = await subject('damaged_in_transit', {
            total: 12_345,
            requestedSolution: 'partial_refund_return',
            requestedAmount: 6_000,
        });
        await buildOffer(ctx.dataSource, { disputeId: d.id, amount: 2_000, createdAt: daysFromNow(-3) });
        const latest = await buildOffer(ctx.dataSource, {
            disputeId: d.id,
            solution: 'partial_refund_return',
            amount: 3_500,
            status: 'rejected',
            createdAt: daysFromNow(-2),
        });
        // The buyer's own counter-offer is not the seller's.
        await buildOffer(ctx.dataSource, {
            disputeId: d.id,
            party: 'buyer',
            amount: 9_000,
            createdAt: daysFromNow(-1),
        });

        const g = await guidance(d.id);

        expect(g).toMatchObject({
            disputeId: d.id,
            currency: 'USD',
            orderTotal: 12_345,
            requested: { solution: 'partial_refund_return', amount: 6_000 },
            lastOffer: {
                id: latest.id,
                solution: 'partial_refund_return',
                amount: 3_500,
                status: 'rejected',
                createdAt: daysFromNow(-2).toISOString(),
            },
            partialGuidance: { percent: 50, amount: 6_172 },
        });
    });

    it('answers a null offer when the seller made none, in a zero-decimal currency too', async () => {
        const d = await subject('held_by_customs', { total: 4_999, currency: 'JPY', goodsReceived: false });

        const g = await guidance(d.id);

        expect(g.lastOffer).toBeNull();
        expect(g.currency).toBe('JPY');
        expect(g.partialGuidance).toEqual({ percent: 50, amount: 2_499 });
    });

    it('follows the configured rule of thumb and band', async () => {
        const custom = await createTestApp({
            POLICY_PARTIAL_REFUND_GUIDANCE_PERCENT: '30',
            POLICY_PRECEDENT_AMOUNT_BAND_PERCENT: '10',
            POLICY_PRECEDENT_FAR_PERCENT_POINTS: '20',
        });
        try {
            const order = await buildOrder(custom.dataSource, { unitPrice: 10_000, total: 10_000 });
            const d = await buildDispute(custom.dataSource, {
                order,
                status: 'in_review',
                reason: 'defective',
            });
            const mediator = (await buildStaff(custom.dataSource)).id;
            const near = { reason: 'defective' as const, goodsReceived: true, mediatorId: mediator };
            const inBand = await buildDecision(custom.dataSource, { ...near, orderTotal: 11_000 });
            await buildDecision(custom.dataSource, { ...near, orderTotal: 11_001 });

            const res = await (await custom.as('support')).get(`/api/disputes/${d.id}/guidance`);

            expect(res.status).toBe(200);
            const g = res.body as Guidance;
            expect(g.partialGuidance).toEqual({ percent: 30, amount: 3_000 });
            expect(g.precedents.band).toEqual({ percent: 10, min: 9_000, max: 11_000 });
            expect(g.precedents.farPercentPoints).toBe(20);
            expect(decisionIds(g)).toEqual([inBand.id]);
        } finally {
            await custom.close();
        }
    });
});

describe('GET /api/disputes/:id/guidance — access and bad ids', () => {
    let dispute: Dispute;
    beforeAll(async () => {
        dispute = await subject('not_as_described');
    });

    it.each(['support', 'mediator', 'supervisor'] as const)('answers a %s', async (role) => {
        // The mediator is not the assignee: reading guidance needs no assignment.
        const res = await (await ctx.as(role)).get(`/api/disputes/${dispute.id}/guidance`);

        expect(res.status).toBe(200);
        expect(res.body.disputeId).toBe(dispute.id);
    });

    it('asks an anonymous caller to sign in', async () => {
        const res = await ctx.request().get(`/api/disputes/${dispute.id}/guidance`);

        expectError(res, 401);
    });

    it('answers 404 naming an unknown dispute', async () => {
        const unknown = dispute.id + 1000;

        const res = await api.get(`/api/disputes/${unknown}/guidance`);

        expectError(res, 404, new RegExp(`Dispute ${unknown} does not exist`));
    });

    it.each(['abc', '0', '1.5', '99999999999999'])(
        'answers 4xx, never 500, for the dispute id "%s"',
        async (id) => {
            const res = await api.get(`/api/disputes/${id}/guidance`);

            expect([400, 404]).toContain(res.status);
            expectError(res, res.status, /id|Dispute/);
        }
    );
});
