import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupRulings, mediatorQuality, weightedMedian } from '../../shared/mediatorQuality';
import { DEFAULT_POLICY } from '../../shared/policy';
import type { Agent } from '../helpers/agent';
import { HOUR } from '../helpers/factories';
import { ruleThroughApi, type RulingSpec } from '../helpers/supervision';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

/**
 * Mediator quality on a known data set built through the real paths: rulings (one four-eyes,
 * approved), an overturn, a QA sample and its verdicts, all through the API.
 */
let ctx: TestApp;
let supervisor: Agent;
let anna: Agent;
let bruno: Agent;
let carla: Agent;
const DAY = '2026-11-20';

async function rulings(agent: Agent, specs: RulingSpec[]) {
    const ids: number[] = [];
    for (const spec of specs) ids.push((await ruleThroughApi(ctx, agent, spec)).id);
    return ids;
}

beforeAll(async () => {
    ctx = await createTestApp({ POLICY_MAX_CASES_PER_MEDIATOR: '1000' });
    supervisor = await ctx.as('supervisor', 'quality-supervisor');
    anna = await ctx.as('mediator', 'quality-anna');
    bruno = await ctx.as('mediator', 'quality-bruno');
    carla = await ctx.as('mediator', 'quality-carla');
    // Outside the period: never counted.
    ctx.clock.set(new Date(TEST_NOW.getTime() - 10 * 24 * HOUR));
    await rulings(bruno, [{ refund: 0, hoursSinceEscalation: 500 }]);
    ctx.clock.set(TEST_NOW);

    const annas = await rulings(anna, [
        { refund: 8_000, hoursSinceEscalation: 10 },
        { refund: 9_000, hoursSinceEscalation: 30, slaBreached: true },
    ]);
    const brunos = await rulings(bruno, [
        { refund: 5_000, hoursSinceEscalation: 2 },
        { refund: 5_000, hoursSinceEscalation: 4, slaBreached: true },
        // 60 000 of 100 000: at the four-eyes threshold, issued when approved.
        { total: 100_000, refund: 60_000, hoursSinceEscalation: 100 },
    ]);
    const carlas = await rulings(carla, [
        { refund: 5_000, hoursSinceEscalation: 6 },
        { refund: 4_500, hoursSinceEscalation: 8 },
        { refund: 2_000, reason: 'low_quality', hoursSinceEscalation: 12 },
    ]);
    const approve = await supervisor.post(`/api/decisions/${brunos[2]}/approve`).send({});
    expect(approve.status, JSON.stringify(approve.body)).toBe(200);
    const overturn = await supervisor
        .post(`/api/decisions/${annas[0]}/overturn`)
        .send({ reason: 'The tracking shows a delivery.' });
    expect(overturn.status, JSON.stringify(overturn.body)).toBe(200);

    // The whole period in one sample, then verdicts on Bruno's (all agreed) and Carla's (1 of 3).
    const sample = await supervisor.post('/api/qa-samples').send({ from: DAY, to: DAY, size: 8 });
    expect(sample.status, JSON.stringify(sample.body)).toBe(201);
    const reviewOf = new Map<number, number>(
        sample.body.reviews.map((r: { id: number; decisionId: number }) => [r.decisionId, r.id])
    );
    const verdicts: [number, string][] = [
        [brunos[0], 'agree'],
        [brunos[1], 'agree'],
        [brunos[2], 'agree'],
        [carlas[0], 'agree'],
        [carlas[1], 'disagree'],
        [carlas[2], 'disagree'],
    ];
    for (const [decisionId, verdict] of verdicts) {
        const res = await supervisor.post(`/api/qa-reviews/${reviewOf.get(decisionId)}/verdict`).send({
            verdict,
            comment: verdict === 'disagree' ? 'Too low for the photos on file.' : undefined,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
});
afterAll(() => ctx.close());

const quality = (query = `?from=${DAY}&to=${DAY}`) => supervisor.get(`/api/mediator-quality${query}`);

describe('GET /api/mediator-quality', () => {
    it('gives each mediator’s figures for the period', async () => {
        const res = await quality();
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({
            from: DAY,
            to: DAY,
            thresholds: { refundGapPoints: 15, overturnFactor: 2, minAgreementPercent: 70 },
        });
        const byName = new Map(res.body.mediators.map((m: { mediatorName: string }) => [m.mediatorName, m]));
        expect(byName.get(anna.staff.fullName)).toMatchObject({
            mediatorId: anna.staff.id,
            casesDecided: 2,
            medianHoursToDecision: 20,
            slaBreaches: 1,
            // Peers' median for not_as_described: [45, 50, 50, 50, 60] → 50; (80 − 50 + 90 − 50) / 2.
            refundGapPoints: 35,
            refundCompared: 2,
            overturned: 1,
            overturnPercent: 50,
            peersOverturnPercent: 0,
            qaAnswered: 0,
            qaAgreementPercent: null,
        });
        expect(byName.get(bruno.staff.fullName)).toMatchObject({
            casesDecided: 3,
            medianHoursToDecision: 4,
            slaBreaches: 1,
            // Peers [45, 50, 80, 90] → 65; (50 − 65 + 50 − 65 + 60 − 65) / 3.
            refundGapPoints: -11.7,
            overturnPercent: 0,
            peersOverturnPercent: 20,
            qaAnswered: 3,
            qaAgreementPercent: 100,
            outliers: [],
        });
        expect(byName.get(carla.staff.fullName)).toMatchObject({
            casesDecided: 3,
            medianHoursToDecision: 8,
            slaBreaches: 0,
            // Peers [50, 50, 60, 80, 90] → 60; low_quality has no peers and is not compared.
            refundGapPoints: -12.5,
            refundCompared: 2,
            qaAnswered: 3,
            qaAgreementPercent: 33.3,
        });
    });

    it('highlights the outliers with the rule that makes each one', async () => {
        const res = await quality();
        const outliers = Object.fromEntries(
            res.body.mediators.map((m: { mediatorName: string; outliers: { reason: string }[] }) => [
                m.mediatorName,
                m.outliers.map((o) => o.reason),
            ])
        );
        expect(outliers).toEqual({
            [anna.staff.fullName]: ['refund_gap', 'overturn_rate'],
            [bruno.staff.fullName]: [],
            [carla.staff.fullName]: ['qa_agreement'],
        });
        const anna_ = res.body.mediators.find((m: { mediatorId: number }) => m.mediatorId === anna.staff.id);
        expect(anna_.outliers[0]).toEqual({ reason: 'refund_gap', value: 35, threshold: 15 });
    });

    it('counts only the rulings issued in the period', async () => {
        const wide = await quality('?from=2026-11-01&to=2026-11-20');
        const bruno_ = wide.body.mediators.find(
            (m: { mediatorId: number }) => m.mediatorId === bruno.staff.id
        );
        expect(bruno_.casesDecided).toBe(4);
        expect(bruno_.medianHoursToDecision).toBe(52);
        const before = await quality('?from=2026-11-01&to=2026-11-09');
        expect(before.body.mediators).toHaveLength(0);
    });

    it('refuses a bad period naming the parameter, and is for supervisors only', async () => {
        const backwards = await quality(`?from=${DAY}&to=2026-11-01`);
        expect(backwards.status).toBe(400);
        expect(backwards.body.errors).toHaveProperty('from');
        expect((await quality('?from=2026-13-01')).status).toBe(400);
        expect((await quality('?bucket=week')).status).toBe(400);
        expect((await anna.get('/api/mediator-quality')).status).toBe(403);
        expect((await ctx.request().get('/api/mediator-quality')).status).toBe(401);
    });
});

describe('GET /api/mediator-quality/export.csv', () => {
    it('exports the same table as CSV, one line per mediator with the outliers named', async () => {
        const res = await supervisor.get(`/api/mediator-quality/export.csv?from=${DAY}&to=${DAY}`);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/csv/);
        expect(res.headers['content-disposition']).toContain(`mediator-quality-${DAY}-${DAY}.csv`);
        const lines = res.text
            .replace(/^\uFEFF/, '')
            .trimEnd()
            .split('\r\n');
        expect(lines[0]).toBe(
            'mediatorId,mediatorName,casesDecided,medianHoursToDecision,slaBreaches,refundGapPoints,' +
                'refundCompared,overturned,overturnPercent,peersOverturnPercent,qaAnswered,qaAgreementPercent,outliers'
        );
        const json = (await quality()).body.mediators as { mediatorId: number }[];
        expect(lines).toHaveLength(json.length + 1);
        const annaLine = lines.find((line) => line.startsWith(`${anna.staff.id},`));
        expect(annaLine).toContain(anna.staff.fullName);
        expect(annaLine?.endsWith('refund_gap; overturn_rate')).toBe(true);
        expect((await anna.get(`/api/mediator-quality/export.csv?from=${DAY}&to=${DAY}`)).status).toBe(403);
        expect((await supervisor.get('/api/mediator-quality/export.csv?from=2026-13-01')).status).toBe(400);
    });
});

describe('the rules of shared/mediatorQuality.ts', () => {
    const rule = (mediatorId: number, refundPercent: number, overturned = false) => ({
        mediatorId,
        reason: 'not_as_described',
        refundPercent,
        hoursToDecision: 1,
        overturned,
        slaBreached: false,
    });

    it('makes a refund gap of exactly the threshold an outlier, and one just below not', () => {
        const at = mediatorQuality(groupRulings([rule(1, 65), rule(2, 50), rule(3, 50)]), [], DEFAULT_POLICY);
        expect(at[0].outliers.map((o) => o.reason)).toEqual(['refund_gap']);
        const below = mediatorQuality(
            groupRulings([rule(1, 64), rule(2, 50), rule(3, 50)]),
            [],
            DEFAULT_POLICY
        );
        expect(below[0].outliers).toEqual([]);
    });

    it('makes an overturn rate of twice the peers’ an outlier, and a QA agreement of exactly 70 % not', () => {
        const figures = mediatorQuality(
            groupRulings([
                rule(1, 50, true),
                rule(1, 50),
                rule(2, 50, true),
                rule(2, 50),
                rule(2, 50),
                rule(2, 50),
            ]),
            [{ mediatorId: 1, answered: 10, agreed: 7 }],
            DEFAULT_POLICY
        );
        expect(figures[0]).toMatchObject({
            overturnPercent: 50,
            peersOverturnPercent: 25,
            qaAgreementPercent: 70,
        });
        expect(figures[0].outliers.map((o) => o.reason)).toEqual(['overturn_rate']);
        expect(figures[1].outliers).toEqual([]);
    });

    it('takes the median of counted values as of the values written out', () => {
        expect(weightedMedian([])).toBeNull();
        expect(weightedMedian([[10, 1]])).toBe(10);
        // 10, 20, 20, 90 → (20 + 20) / 2; 10, 20, 90, 90 → (20 + 90) / 2.
        expect(
            weightedMedian([
                [90, 1],
                [10, 1],
                [20, 2],
            ])
        ).toBe(20);
        expect(
            weightedMedian([
                [10, 1],
                [20, 1],
                [90, 2],
            ])
        ).toBe(55);
        expect(
            weightedMedian([
                [5, 3],
                [7, 0],
                [6, 1],
            ])
        ).toBe(5);
    });
});
