import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, QaReview } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import { buildDecision, HOUR } from '../helpers/factories';
import { idsOf, listUrl } from '../helpers/rest';
import { ruleThroughApi } from '../helpers/supervision';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

/** Random QA samples of a period's decisions, and the reviewer's verdicts. */
let ctx: TestApp;
let reviewer: Agent;
let otherReviewer: Agent;
let anna: Agent;
let bruno: Agent;
let support: Agent;
const DAY = '2026-11-20';
let inPeriod: number[] = [];
const reviewersOwn: number[] = [];
let outside: number;

beforeAll(async () => {
    ctx = await createTestApp({ POLICY_MAX_CASES_PER_MEDIATOR: '1000' });
    reviewer = await ctx.as('supervisor', 'qa-reviewer');
    otherReviewer = await ctx.as('supervisor', 'qa-reviewer-2');
    anna = await ctx.as('mediator', 'qa-anna');
    bruno = await ctx.as('mediator', 'qa-bruno');
    support = await ctx.as('support', 'qa-support');
    ctx.clock.set(new Date(TEST_NOW.getTime() - 10 * 24 * HOUR));
    outside = (await ruleThroughApi(ctx, anna, { refund: 1_000 })).id;
    ctx.clock.set(TEST_NOW);
    for (const agent of [anna, anna, anna, anna, bruno, bruno]) {
        inPeriod.push((await ruleThroughApi(ctx, agent, { refund: 2_000 })).id);
    }
    // An overturned ruling still counts: it was issued in the period.
    const overturn = await otherReviewer
        .post(`/api/decisions/${inPeriod[0]}/overturn`)
        .send({ reason: 'The tracking shows a delivery.' });
    expect(overturn.status).toBe(200);
    // The reviewer's own rulings (a supervisor may rule too) are never drawn for them.
    for (let i = 0; i < 2; i++) reviewersOwn.push((await ruleThroughApi(ctx, reviewer, { refund: 500 })).id);
    // A ruling waiting for approval was never issued: never drawn.
    await buildDecision(ctx.dataSource, {
        mediatorId: anna.staff.id,
        status: 'pending_approval',
        issuedAt: null,
    });
    inPeriod = inPeriod.sort((a, b) => a - b);
});
afterAll(() => ctx.close());

const draw = (agent: Agent, body: Record<string, unknown>) => agent.post('/api/qa-samples').send(body);
const decisionIdsOf = (body: { reviews: { decisionId: number }[] }) =>
    body.reviews.map((r) => r.decisionId).sort((a, b) => a - b);

describe('POST /api/qa-samples', () => {
    let first: number[] = [];

    it('draws the asked number of distinct decisions of the period, none of the reviewer’s own', async () => {
        const res = await draw(reviewer, { from: DAY, to: DAY, size: 4 });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        first = decisionIdsOf(res.body);
        expect(first).toHaveLength(4);
        expect(new Set(first).size).toBe(4);
        for (const id of first) expect(inPeriod).toContain(id);
        expect(
            res.body.reviews.every((r: { reviewerId: number }) => r.reviewerId === reviewer.staff.id)
        ).toBe(true);
        expect(res.body.reviews.every((r: { verdict: null }) => r.verdict === null)).toBe(true);
        expect(new Set(res.body.reviews.map((r: { sampleId: string }) => r.sampleId))).toEqual(
            new Set([res.body.sampleId])
        );
    });

    it('answers 422 saying how many are available when fewer than asked remain', async () => {
        const res = await draw(reviewer, { from: DAY, to: DAY, size: 3 });
        expect(res.status).toBe(422);
        expect(res.body.message).toMatch(/only 2 decisions are available/);
        expect(res.body.errors.size).toMatch(/at most 2/);
    });

    it('never draws a decision again: the next sample takes the rest, then none are left', async () => {
        const res = await draw(reviewer, { from: DAY, to: DAY, size: 2 });
        expect(res.status).toBe(201);
        const second = decisionIdsOf(res.body);
        expect(second.filter((id) => first.includes(id))).toEqual([]);
        expect([...first, ...second].sort((a, b) => a - b)).toEqual(inPeriod);
        expect((await draw(reviewer, { from: DAY, to: DAY, size: 1 })).status).toBe(422);
    });

    it('gives another reviewer what is left for them: the first reviewer’s own rulings', async () => {
        const res = await draw(otherReviewer, { from: DAY, to: DAY, size: 2 });
        expect(res.status).toBe(201);
        expect(decisionIdsOf(res.body)).toEqual(reviewersOwn);
    });

    it('draws from the days asked for only (a wider period reaches the older ruling)', async () => {
        const res = await draw(otherReviewer, { from: '2026-11-01', to: DAY, size: 1 });
        expect(res.status).toBe(201);
        expect(decisionIdsOf(res.body)).toEqual([outside]);
        const rows = await ctx.dataSource.getRepository(QaReview).count();
        expect(rows).toBe(9);
    });

    it('audits each draw with its period and decisions', async () => {
        const events = await ctx.dataSource
            .getRepository(AuditEvent)
            .find({ where: { action: 'qa.sample' }, order: { id: 'ASC' } });
        expect(events).toHaveLength(4);
        expect(events[0].actorId).toBe(reviewer.staff.id);
        expect(events[0].after).toMatchObject({ from: DAY, to: DAY, size: 4, available: 6 });
        expect((events[0].after as { decisionIds: number[] }).decisionIds).toEqual(first);
    });

    it('refuses bad input naming the field', async () => {
        const cases: [Record<string, unknown>, string][] = [
            [{ from: DAY, to: DAY, size: 0 }, 'size'],
            [{ from: DAY, to: DAY, size: 51 }, 'size'],
            [{ from: DAY, to: DAY, size: 1.5 }, 'size'],
            [{ from: '2026-11-31', to: DAY, size: 1 }, 'from'],
            [{ from: DAY, to: '2026-11-01', size: 1 }, 'from'],
            [{ from: DAY, size: 1 }, 'to'],
        ];
        for (const [body, field] of cases) {
            const res = await draw(reviewer, body);
            expect(res.status, JSON.stringify(body)).toBe(400);
            expect(Object.keys(res.body.errors), JSON.stringify(body)).toContain(field);
        }
    });

    it('is for supervisors only', async () => {
        expect((await draw(anna, { from: DAY, to: DAY, size: 1 })).status).toBe(403);
        expect((await draw(support, { from: DAY, to: DAY, size: 1 })).status).toBe(403);
        expect(
            (await ctx.request().post('/api/qa-samples').send({ from: DAY, to: DAY, size: 1 })).status
        ).toBe(401);
    });
});

describe('POST /api/qa-reviews/:id/verdict', () => {
    const mine = async () =>
        (
            await reviewer.get(
                listUrl('/api/qa-reviews', {
                    filter: { reviewerId: reviewer.staff.id, answered: false },
                    range: [0, 99],
                })
            )
        ).body as { id: number; decisionId: number; mediatorId: number }[];

    it('records an agreement, once, and audits it', async () => {
        const [review] = await mine();
        const res = await reviewer.post(`/api/qa-reviews/${review.id}/verdict`).send({ verdict: 'agree' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({ id: review.id, verdict: 'agree', comment: null, answered: true });
        expect(res.body.answeredAt).toBe(TEST_NOW.toISOString());
        const again = await reviewer
            .post(`/api/qa-reviews/${review.id}/verdict`)
            .send({ verdict: 'disagree', comment: 'On second thought' });
        expect(again.status).toBe(409);
        const audit = await ctx.dataSource
            .getRepository(AuditEvent)
            .find({ where: { action: 'qa.verdict', entityId: String(review.id) } });
        expect(audit).toHaveLength(1);
        expect(audit[0].after).toMatchObject({ verdict: 'agree', decisionId: review.decisionId });
    });

    it('needs a comment to disagree', async () => {
        const [review] = await mine();
        const bare = await reviewer
            .post(`/api/qa-reviews/${review.id}/verdict`)
            .send({ verdict: 'disagree' });
        expect(bare.status).toBe(400);
        expect(bare.body.errors).toHaveProperty('comment');
        const blank = await reviewer
            .post(`/api/qa-reviews/${review.id}/verdict`)
            .send({ verdict: 'disagree', comment: '   ' });
        expect(blank.status).toBe(400);
        const res = await reviewer
            .post(`/api/qa-reviews/${review.id}/verdict`)
            .send({ verdict: 'disagree', comment: 'The photos show no defect.' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ verdict: 'disagree', comment: 'The photos show no defect.' });
    });

    it('refuses a verdict that is neither agree nor disagree', async () => {
        const [review] = await mine();
        const res = await reviewer.post(`/api/qa-reviews/${review.id}/verdict`).send({ verdict: 'maybe' });
        expect(res.status).toBe(400);
        expect(res.body.errors).toHaveProperty('verdict');
    });

    it('is the reviewer’s own to answer: another supervisor and a mediator are refused', async () => {
        const [review] = await mine();
        const other = await otherReviewer
            .post(`/api/qa-reviews/${review.id}/verdict`)
            .send({ verdict: 'agree' });
        expect(other.status).toBe(403);
        expect(other.body.message).toMatch(/another reviewer/);
        expect(
            (await anna.post(`/api/qa-reviews/${review.id}/verdict`).send({ verdict: 'agree' })).status
        ).toBe(403);
        expect(
            (await reviewer.post('/api/qa-reviews/999999/verdict').send({ verdict: 'agree' })).status
        ).toBe(404);
        const stored = await ctx.dataSource.getRepository(QaReview).findOneByOrFail({ id: review.id });
        expect(stored.verdict).toBeNull();
    });
});

describe('GET /api/qa-reviews', () => {
    it('filters by reviewer, verdict, answered and the decision’s mediator', async () => {
        const all = await reviewer.get(listUrl('/api/qa-reviews', { range: [0, 99] }));
        expect(all.status).toBe(200);
        expect(all.body).toHaveLength(9);
        const answered = await reviewer.get(listUrl('/api/qa-reviews', { filter: { answered: true } }));
        expect(answered.body.map((r: { verdict: string }) => r.verdict).sort()).toEqual([
            'agree',
            'disagree',
        ]);
        const disagreed = await reviewer.get(listUrl('/api/qa-reviews', { filter: { verdict: 'disagree' } }));
        expect(disagreed.body).toHaveLength(1);
        const ofBruno = await reviewer.get(
            listUrl('/api/qa-reviews', {
                filter: { mediatorId: bruno.staff.id },
                sort: ['decisionId', 'ASC'],
            })
        );
        expect(ofBruno.body.map((r: { mediatorName: string }) => r.mediatorName)).toEqual([
            bruno.staff.fullName,
            bruno.staff.fullName,
        ]);
        const ofOther = await reviewer.get(
            listUrl('/api/qa-reviews', { filter: { reviewerId: otherReviewer.staff.id } })
        );
        expect(idsOf(ofOther)).toHaveLength(3);
    });

    it('exports to CSV with the list’s filters', async () => {
        const res = await reviewer.get(
            `/api/qa-reviews/export.csv?filter=${encodeURIComponent(JSON.stringify({ verdict: 'disagree' }))}`
        );
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/text\/csv/);
        const lines = res.text
            .replace(/^\uFEFF/, '')
            .trim()
            .split(/\r?\n/);
        expect(lines[0]).toContain('verdict');
        expect(lines).toHaveLength(2);
        expect(lines[1]).toContain('The photos show no defect.');
    });

    it('is for supervisors only', async () => {
        expect((await anna.get('/api/qa-reviews')).status).toBe(403);
        expect((await support.get('/api/qa-reviews')).status).toBe(403);
    });
});
