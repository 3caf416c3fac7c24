import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
    AuditEvent,
    Buyer,
    Decision,
    DisputeEvent,
    OutboxEvent,
    Refund,
    Seller,
    Staff,
} from '../../server/src/entities';
import { injectIssuingFault, ISSUING_STEPS } from '../../server/src/decisions/issuing';
import { runDueJobs } from '../../server/src/jobs/scheduler';
import { signInAs, type Agent } from '../helpers/agent';
import { buildAttachment, buildBuyer, buildDispute, buildOrder, buildSeller } from '../helpers/factories';
import { integrationPost, newKey } from '../helpers/integration';
import { auditOf, lifecycleOf, storedDispute } from '../helpers/jobs';
import { listUrl } from '../helpers/rest';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
let mediator: Agent;
let otherMediator: Agent;
let support: Agent;
let supervisor: Agent;
let supervisor2: Agent;

beforeAll(async () => {
    ctx = await createTestApp({
        POLICY_MAX_CASES_PER_MEDIATOR: '1000',
        POLICY_FOUR_EYES_THRESHOLD_MAJOR_JPY: '50000',
    });
    mediator = await ctx.as('mediator', 'ruling-mediator');
    otherMediator = await ctx.as('mediator', 'ruling-other');
    support = await ctx.as('support', 'ruling-support');
    supervisor = await ctx.as('supervisor', 'ruling-supervisor');
    supervisor2 = await ctx.as('supervisor', 'ruling-supervisor-2');
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set(TEST_NOW));
afterEach(() => injectIssuingFault(null));

const RATIONALE_BUYER = 'The photos show the defect described in the claim, so a refund is due.';
const RATIONALE_SELLER = 'The item shipped differs from the listing; the refund follows the evidence.';

/** A dispute in review, held by `holder` (the ruling mediator unless said otherwise). */
async function inReview(
    options: { total?: number; currency?: string; flagged?: boolean; holder?: Agent } = {}
) {
    const buyer = await buildBuyer(ctx.dataSource, { flagged: options.flagged ?? false });
    const seller = await buildSeller(ctx.dataSource, { disputesLostCount: 0 });
    const order = await buildOrder(ctx.dataSource, {
        buyer,
        seller,
        unitPrice: options.total ?? 10_000,
        currency: options.currency ?? 'USD',
    });
    return buildDispute(ctx.dataSource, {
        order,
        status: 'in_review',
        assigneeId: (options.holder ?? mediator).staff.id,
        assignedAt: TEST_NOW,
    });
}

function ruling(overrides: Record<string, unknown> = {}) {
    return {
        refundAmount: 4_000,
        returnRequired: false,
        rationaleBuyer: RATIONALE_BUYER,
        rationaleSeller: RATIONALE_SELLER,
        evidenceIds: [],
        ...overrides,
    };
}

function rule(agent: Agent, disputeId: number, body: Record<string, unknown>, key = newKey()) {
    return agent.post(`/api/disputes/${disputeId}/decision`).set('Idempotency-Key', key).send(body);
}

function outboxOf(disputeId: number) {
    return ctx.dataSource.getRepository(OutboxEvent).find({ where: { disputeId }, order: { id: 'ASC' } });
}

function decisionsOf(disputeId: number) {
    return ctx.dataSource.getRepository(Decision).find({ where: { disputeId }, order: { id: 'ASC' } });
}

function refundsOf(disputeId: number) {
    return ctx.dataSource.getRepository(Refund).find({ where: { disputeId }, order: { id: 'ASC' } });
}

async function counters(dispute: { buyerId: number; sellerId: number }) {
    const buyer = await ctx.dataSource.getRepository(Buyer).findOneByOrFail({ id: dispute.buyerId });
    const seller = await ctx.dataSource.getRepository(Seller).findOneByOrFail({ id: dispute.sellerId });
    return {
        buyer: [buyer.disputesWonCount, buyer.disputesPartialCount, buyer.disputesLostCount],
        seller: [seller.disputesWonCount, seller.disputesPartialCount, seller.disputesLostCount],
    };
}

describe('ruling on a dispute in review', () => {
    it('a partial refund below the threshold: issued, decided, refund requested, each party told in its own words', async () => {
        const dispute = await inReview();
        const res = await rule(mediator, dispute.id, ruling());
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body).toMatchObject({
            disputeId: dispute.id,
            mediatorId: mediator.staff.id,
            mediatorName: mediator.staff.fullName,
            refundAmount: 4_000,
            currency: 'USD',
            outcome: 'partial_refund',
            status: 'issued',
            reason: dispute.reason,
            goodsReceived: true,
            orderTotal: 10_000,
            issuedAt: TEST_NOW.toISOString(),
            supersedesId: null,
        });
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({
            status: 'decided',
            resolution: 'ruling',
            decidedAt: TEST_NOW,
        });
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([['rule', 'in_review', 'decided', 'staff']]);
        const [refund] = await refundsOf(dispute.id);
        expect(refund).toMatchObject({
            decisionId: res.body.id,
            amount: 4_000,
            currency: 'USD',
            destination: 'card',
            status: 'requested',
            dueBy: new Date(TEST_NOW.getTime() + 15 * 86_400_000),
        });
        const events = await outboxOf(dispute.id);
        expect(events.map((e) => [e.type, e.audience, e.status])).toEqual([
            ['dispute.decided', 'buyer', 'pending'],
            ['dispute.decided', 'seller', 'pending'],
            ['refund.requested', null, 'pending'],
        ]);
        expect(events[0].payload).toMatchObject({ rationale: RATIONALE_BUYER, outcome: 'partial_refund' });
        expect(events[1].payload).toMatchObject({ rationale: RATIONALE_SELLER });
        expect(JSON.stringify(events[0].payload)).not.toContain(RATIONALE_SELLER);
        expect(JSON.stringify(events[1].payload)).not.toContain(RATIONALE_BUYER);
        expect(events[2].payload).toMatchObject({ refundId: refund.id, amount: 4_000 });
        expect(await counters(dispute)).toEqual({ buyer: [0, 1, 0], seller: [0, 1, 0] });
        expect((await auditOf(ctx, 'decision', res.body.id)).map((e) => e.action)).toEqual([
            'decision.issued',
        ]);
        expect((await auditOf(ctx, 'dispute', dispute.id)).map((e) => e.action)).toEqual(['dispute.rule']);
    });

    it('the whole order total is a full refund; the buyer won, the seller lost', async () => {
        const dispute = await inReview({ total: 30_000 });
        const res = await rule(mediator, dispute.id, ruling({ refundAmount: 30_000 }));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.outcome).toBe('full_refund');
        expect(await counters(dispute)).toEqual({ buyer: [1, 0, 0], seller: [0, 0, 1] });
    });

    it('no refund closes the dispute at once: dispute.closed, no refund record', async () => {
        const dispute = await inReview();
        const res = await rule(mediator, dispute.id, ruling({ refundAmount: 0 }));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.outcome).toBe('no_refund');
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ status: 'closed', closedAt: TEST_NOW });
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['rule', 'in_review', 'decided', 'staff'],
            ['close', 'decided', 'closed', 'staff'],
        ]);
        expect(await refundsOf(dispute.id)).toEqual([]);
        expect((await outboxOf(dispute.id)).map((e) => e.type)).toEqual([
            'dispute.decided',
            'dispute.decided',
            'dispute.closed',
        ]);
        expect(await counters(dispute)).toEqual({ buyer: [0, 0, 1], seller: [1, 0, 0] });
    });

    it.each([
        ['above the total', 10_001, 'must be at most the order total (10000)'],
        ['negative', -1, 'must not be negative'],
        ['a fraction', 10.5, 'must be a whole number of minor units'],
        ['a string', '4000', 'must be a whole number of minor units'],
        ['missing', undefined, 'must be a whole number of minor units'],
    ])(
        'an amount %s is 400 naming refundAmount, and nothing changes',
        async (_case, refundAmount, message) => {
            const dispute = await inReview();
            const res = await rule(mediator, dispute.id, ruling({ refundAmount }));
            expect(res.status).toBe(400);
            expect(res.body.errors.refundAmount).toBe(message);
            expect(await decisionsOf(dispute.id)).toEqual([]);
            expect((await storedDispute(ctx, dispute.id)).status).toBe('in_review');
        }
    );

    it('a JPY order (no minor unit): the amount is in yen, up to the total', async () => {
        const dispute = await inReview({ total: 12_000, currency: 'JPY' });
        expect((await rule(mediator, dispute.id, ruling({ refundAmount: 12_001 }))).status).toBe(400);
        const res = await rule(mediator, dispute.id, ruling({ refundAmount: 12_000 }));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body).toMatchObject({ currency: 'JPY', refundAmount: 12_000, outcome: 'full_refund' });
    });

    it('rationales: both required, at least 30 characters (exactly 30 accepted)', async () => {
        const dispute = await inReview();
        const short = await rule(
            mediator,
            dispute.id,
            ruling({ rationaleBuyer: 'x'.repeat(29), rationaleSeller: '' })
        );
        expect(short.status).toBe(400);
        expect(short.body.errors).toEqual({
            rationaleBuyer: 'must be at least 30 characters',
            rationaleSeller: 'is required',
        });
        const padded = await rule(
            mediator,
            dispute.id,
            ruling({ rationaleBuyer: `   ${'x'.repeat(29)}   ` })
        );
        expect(padded.status).toBe(400);
        const exact = await rule(mediator, dispute.id, ruling({ rationaleBuyer: 'y'.repeat(30) }));
        expect(exact.status, JSON.stringify(exact.body)).toBe(201);
    });

    it('evidence must be of this dispute', async () => {
        const dispute = await inReview();
        const own = await buildAttachment(ctx.dataSource, { disputeId: dispute.id });
        const other = await buildAttachment(ctx.dataSource, { disputeId: (await inReview()).id });
        const res = await rule(mediator, dispute.id, ruling({ evidenceIds: [own.id, other.id] }));
        expect(res.status).toBe(400);
        expect(res.body.errors.evidenceIds).toBe(
            `must be evidence of dispute ${dispute.id}; not: ${other.id}`
        );
        const ok = await rule(mediator, dispute.id, ruling({ evidenceIds: [own.id] }));
        expect(ok.status, JSON.stringify(ok.body)).toBe(201);
        expect(ok.body.evidenceIds).toEqual([own.id]);
    });

    it('a return needs goods that arrived and a refund', async () => {
        const notReceived = await inReview();
        await ctx.dataSource
            .getRepository('dispute')
            .update({ id: notReceived.id }, { goodsReceived: false });
        const res = await rule(mediator, notReceived.id, ruling({ returnRequired: true }));
        expect(res.status).toBe(400);
        expect(res.body.errors.returnRequired).toMatch(/never received/);
        const nothing = await rule(
            mediator,
            (await inReview()).id,
            ruling({ refundAmount: 0, returnRequired: true })
        );
        expect(nothing.status).toBe(400);
        expect(nothing.body.errors.returnRequired).toMatch(/no refund/);
    });

    it('only the assigned mediator or a supervisor rules; support never', async () => {
        const dispute = await inReview();
        const other = await rule(otherMediator, dispute.id, ruling());
        expect(other.status).toBe(403);
        expect(other.body.message).toBe('This dispute is not assigned to you');
        expect((await rule(support, dispute.id, ruling())).status).toBe(403);
        expect(await decisionsOf(dispute.id)).toEqual([]);
        const denied = await ctx.dataSource
            .getRepository(AuditEvent)
            .find({ where: { action: 'access.denied', actorId: otherMediator.staff.id } });
        expect(denied.length).toBeGreaterThan(0);
        const res = await rule(supervisor, dispute.id, ruling());
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.mediatorId).toBe(supervisor.staff.id);
    });

    it('a dispute not in review cannot be ruled on (409), an unknown one is 404', async () => {
        const escalated = await buildDispute(ctx.dataSource, { status: 'escalated' });
        const res = await rule(supervisor, escalated.id, ruling());
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(/it is escalated/);
        expect((await rule(supervisor, 999_999, ruling())).status).toBe(404);
    });
});

describe('idempotency and races', () => {
    it('the same key and body replays the first answer; the same key with another body is 422', async () => {
        const dispute = await inReview();
        const key = newKey();
        const first = await rule(mediator, dispute.id, ruling(), key);
        expect(first.status).toBe(201);
        const again = await rule(mediator, dispute.id, ruling(), key);
        expect(again.status).toBe(201);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.body).toEqual(first.body);
        const other = await rule(mediator, dispute.id, ruling({ refundAmount: 1 }), key);
        expect(other.status).toBe(422);
        expect(await decisionsOf(dispute.id)).toHaveLength(1);
    });

    it('a POST without a key is 400 naming the header', async () => {
        const dispute = await inReview();
        const res = await mediator.post(`/api/disputes/${dispute.id}/decision`).send(ruling());
        expect(res.status).toBe(400);
        expect(res.body.errors['Idempotency-Key']).toBe('is required');
    });

    it('ruling twice with different keys: the second is 409', async () => {
        const dispute = await inReview();
        expect((await rule(mediator, dispute.id, ruling())).status).toBe(201);
        const second = await rule(mediator, dispute.id, ruling({ refundAmount: 100 }));
        expect(second.status).toBe(409);
        expect(await decisionsOf(dispute.id)).toHaveLength(1);
    });

    it('the mediator and a supervisor ruling at once: exactly one decision, the other 409', async () => {
        for (let round = 0; round < 5; round++) {
            const dispute = await inReview();
            const answers = await Promise.all([
                rule(mediator, dispute.id, ruling({ refundAmount: 1_000 })),
                rule(supervisor, dispute.id, ruling({ refundAmount: 2_000 })),
            ]);
            expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
            expect(await decisionsOf(dispute.id)).toHaveLength(1);
            expect(await refundsOf(dispute.id)).toHaveLength(1);
            expect((await outboxOf(dispute.id)).map((e) => e.type)).toEqual([
                'dispute.decided',
                'dispute.decided',
                'refund.requested',
            ]);
        }
    });
});

describe('four-eyes', () => {
    it('the threshold boundary: 499.99 is issued, 500.00 waits for a supervisor and tells nobody', async () => {
        const below = await inReview({ total: 100_000 });
        expect((await rule(mediator, below.id, ruling({ refundAmount: 49_999 }))).body.status).toBe('issued');
        const at = await inReview({ total: 100_000 });
        const res = await rule(mediator, at.id, ruling({ refundAmount: 50_000 }));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.status).toBe('pending_approval');
        expect((await storedDispute(ctx, at.id)).status).toBe('pending_approval');
        expect(await lifecycleOf(ctx, at.id)).toEqual([
            ['rule_four_eyes', 'in_review', 'pending_approval', 'staff'],
        ]);
        expect(await outboxOf(at.id)).toEqual([]);
        expect(await refundsOf(at.id)).toEqual([]);
        expect(await counters(at)).toEqual({ buyer: [0, 0, 0], seller: [0, 0, 0] });
    });

    it('per currency: a JPY threshold of 50,000 yen', async () => {
        const below = await inReview({ total: 100_000, currency: 'JPY' });
        expect((await rule(mediator, below.id, ruling({ refundAmount: 49_999 }))).body.status).toBe('issued');
        const at = await inReview({ total: 100_000, currency: 'JPY' });
        expect((await rule(mediator, at.id, ruling({ refundAmount: 50_000 }))).body.status).toBe(
            'pending_approval'
        );
    });

    it('a flagged buyer: any ruling waits for approval, even no refund', async () => {
        const dispute = await inReview({ flagged: true });
        const res = await rule(mediator, dispute.id, ruling({ refundAmount: 0 }));
        expect(res.body.status).toBe('pending_approval');
        expect((await storedDispute(ctx, dispute.id)).status).toBe('pending_approval');
    });

    it('approve: issued with the approver, then the refund and the events', async () => {
        const dispute = await inReview({ total: 100_000 });
        const ruled = await rule(mediator, dispute.id, ruling({ refundAmount: 60_000 }));
        const res = await supervisor
            .post(`/api/decisions/${ruled.body.id}/approve`)
            .send({ comment: 'Photos are clear.' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({
            status: 'issued',
            approverId: supervisor.staff.id,
            approverName: supervisor.staff.fullName,
            approvalComment: 'Photos are clear.',
            approvedAt: TEST_NOW.toISOString(),
        });
        expect((await storedDispute(ctx, dispute.id)).status).toBe('decided');
        expect((await lifecycleOf(ctx, dispute.id)).map((e) => e[0])).toEqual(['rule_four_eyes', 'approve']);
        expect((await outboxOf(dispute.id)).map((e) => [e.type, e.audience])).toEqual([
            ['dispute.decided', 'buyer'],
            ['dispute.decided', 'seller'],
            ['refund.requested', null],
        ]);
        expect((await auditOf(ctx, 'decision', ruled.body.id)).map((e) => e.action)).toEqual([
            'decision.created',
            'decision.issued',
        ]);
        const twice = await supervisor2.post(`/api/decisions/${ruled.body.id}/approve`).send({});
        expect(twice.status).toBe(409);
    });

    it('reject: back to review with the comment on the timeline; the mediator may rule again', async () => {
        const dispute = await inReview({ total: 100_000 });
        const ruled = await rule(mediator, dispute.id, ruling({ refundAmount: 90_000 }));
        expect((await supervisor.post(`/api/decisions/${ruled.body.id}/reject`).send({})).status).toBe(400);
        const res = await supervisor
            .post(`/api/decisions/${ruled.body.id}/reject`)
            .send({ comment: 'The seller offered a replacement; consider a partial refund.' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({
            status: 'rejected',
            rejectionReason: 'The seller offered a replacement; consider a partial refund.',
        });
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({
            status: 'in_review',
            assigneeId: mediator.staff.id,
        });
        const [, rejected] = await ctx.dataSource
            .getRepository(DisputeEvent)
            .find({ where: { disputeId: dispute.id }, order: { id: 'ASC' } });
        expect(rejected).toMatchObject({ action: 'reject', note: res.body.rejectionReason });
        expect(await outboxOf(dispute.id)).toEqual([]);
        const again = await rule(mediator, dispute.id, ruling({ refundAmount: 30_000 }));
        expect(again.body.status).toBe('issued');
    });

    it('nobody approves their own ruling (403, audited); a mediator never approves', async () => {
        const dispute = await inReview({ total: 100_000, holder: supervisor });
        const ruled = await rule(supervisor, dispute.id, ruling({ refundAmount: 70_000 }));
        expect(ruled.body.status).toBe('pending_approval');
        const own = await supervisor.post(`/api/decisions/${ruled.body.id}/approve`).send({});
        expect(own.status).toBe(403);
        expect(own.body.message).toBe('Nobody approves their own ruling');
        expect(
            (await supervisor.post(`/api/decisions/${ruled.body.id}/reject`).send({ comment: 'no' })).status
        ).toBe(403);
        expect((await mediator.post(`/api/decisions/${ruled.body.id}/approve`).send({})).status).toBe(403);
        expect((await storedDispute(ctx, dispute.id)).status).toBe('pending_approval');
        expect((await supervisor2.post(`/api/decisions/${ruled.body.id}/approve`).send({})).status).toBe(200);
    });

    it('the approval queue lists pending rulings oldest first', async () => {
        const first = await inReview({ total: 100_000 });
        ctx.clock.set(new Date(TEST_NOW.getTime() - 3_600_000));
        const older = await rule(mediator, first.id, ruling({ refundAmount: 80_000 }));
        ctx.clock.set(TEST_NOW);
        const second = await inReview({ total: 100_000 });
        const newer = await rule(mediator, second.id, ruling({ refundAmount: 80_000 }));
        const res = await supervisor.get(
            listUrl('/api/decisions', { filter: { status: 'pending_approval' }, sort: ['createdAt', 'ASC'] })
        );
        const ids = (res.body as { id: number }[]).map((d) => d.id);
        expect(ids.indexOf(older.body.id)).toBeLessThan(ids.indexOf(newer.body.id));
    });
});

describe('issuing is one transaction', () => {
    it.each(ISSUING_STEPS)('a fault after "%s" leaves nothing behind', async (step) => {
        const dispute = await inReview();
        const eventsBefore = await ctx.dataSource.getRepository(AuditEvent).count();
        injectIssuingFault(step);
        const res = await rule(mediator, dispute.id, ruling({ refundAmount: step === 'close' ? 0 : 4_000 }));
        expect(res.status).toBe(500);
        injectIssuingFault(null);
        expect(await decisionsOf(dispute.id)).toEqual([]);
        expect(await refundsOf(dispute.id)).toEqual([]);
        expect(await outboxOf(dispute.id)).toEqual([]);
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([]);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({
            status: 'in_review',
            version: dispute.version,
        });
        expect(await counters(dispute)).toEqual({ buyer: [0, 0, 0], seller: [0, 0, 0] });
        expect(await ctx.dataSource.getRepository(AuditEvent).count()).toBe(eventsBefore);
        // The key was not used up by the failure: the same request succeeds now.
        expect((await rule(mediator, dispute.id, ruling())).status).toBe(201);
    });

    it('a fault while a supervisor approves leaves the ruling pending', async () => {
        const dispute = await inReview({ total: 100_000 });
        const ruled = await rule(mediator, dispute.id, ruling({ refundAmount: 60_000 }));
        injectIssuingFault('dispute');
        expect((await supervisor.post(`/api/decisions/${ruled.body.id}/approve`).send({})).status).toBe(500);
        injectIssuingFault(null);
        expect((await decisionsOf(dispute.id))[0]).toMatchObject({
            status: 'pending_approval',
            approverId: null,
        });
        expect(await refundsOf(dispute.id)).toEqual([]);
        expect(await outboxOf(dispute.id)).toEqual([]);
    });
});

describe('returns, refunds and their completion', () => {
    it('a ruling with a return waits for the tracking number, then requests the refund', async () => {
        const dispute = await inReview();
        const ruled = await rule(mediator, dispute.id, ruling({ returnRequired: true }));
        expect(ruled.body).toMatchObject({ returnRequired: true, returnShippingPaidBy: 'buyer' });
        expect(await refundsOf(dispute.id)).toEqual([]);
        expect((await outboxOf(dispute.id)).map((e) => e.type)).toEqual([
            'dispute.decided',
            'dispute.decided',
        ]);

        const bad = await integrationPost(ctx, `/disputes/${dispute.id}/return-shipped`, {});
        expect(bad.status).toBe(400);
        expect(bad.body.errors.trackingNumber).toBeDefined();

        const res = await integrationPost(ctx, `/disputes/${dispute.id}/return-shipped`, {
            trackingNumber: 'RR123456789CN',
            carrier: 'China Post',
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body).toMatchObject({ disputeId: dispute.id, amount: 4_000, status: 'requested' });
        expect((await decisionsOf(dispute.id))[0]).toMatchObject({
            returnTrackingNumber: 'RR123456789CN',
            returnCarrier: 'China Post',
            returnShippedAt: TEST_NOW,
        });
        expect((await outboxOf(dispute.id)).map((e) => e.type)).toEqual([
            'dispute.decided',
            'dispute.decided',
            'refund.requested',
        ]);
        expect((await lifecycleOf(ctx, dispute.id)).map((e) => e[0])).toEqual(['rule', 'return_shipped']);
        const twice = await integrationPost(ctx, `/disputes/${dispute.id}/return-shipped`, {
            trackingNumber: 'RR000000000CN',
        });
        expect(twice.status).toBe(409);
        expect(await refundsOf(dispute.id)).toHaveLength(1);
    });

    it('a dispute that waits for no return refuses a tracking number (409)', async () => {
        const dispute = await inReview();
        await rule(mediator, dispute.id, ruling());
        const res = await integrationPost(ctx, `/disputes/${dispute.id}/return-shipped`, {
            trackingNumber: 'X1',
        });
        expect(res.status).toBe(409);
    });

    it('the refund-completed callback completes the refund and closes the dispute, once', async () => {
        const dispute = await inReview();
        await rule(mediator, dispute.id, ruling());
        const [refund] = await refundsOf(dispute.id);
        const res = await integrationPost(ctx, `/refunds/${refund.id}/completed`, { reference: 'PSP-778' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({ id: refund.id, status: 'completed', reference: 'PSP-778' });
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ status: 'closed', closedAt: TEST_NOW });
        expect((await outboxOf(dispute.id)).map((e) => e.type).at(-1)).toBe('dispute.closed');
        const again = await integrationPost(ctx, `/refunds/${refund.id}/completed`, {});
        expect(again.status).toBe(200);
        expect(again.body.status).toBe('completed');
        expect((await outboxOf(dispute.id)).filter((e) => e.type === 'dispute.closed')).toHaveLength(1);
        expect((await integrationPost(ctx, '/refunds/999999/completed', {})).status).toBe(404);
    });

    it('a refund still open after 15 days is flagged overdue, once, on the refund and the dispute', async () => {
        const dispute = await inReview();
        await rule(mediator, dispute.id, ruling());
        const [refund] = await refundsOf(dispute.id);
        ctx.clock.set(new Date(TEST_NOW.getTime() + 14 * 86_400_000));
        await runDueJobs(ctx);
        expect((await refundsOf(dispute.id))[0].overdueAt).toBeNull();
        const later = new Date(TEST_NOW.getTime() + 15 * 86_400_000 + 60_000);
        ctx.clock.set(later);
        await runDueJobs(ctx);
        await runDueJobs(ctx);
        expect((await refundsOf(dispute.id))[0].overdueAt).toEqual(later);
        expect((await storedDispute(ctx, dispute.id)).refundOverdueAt).toEqual(later);
        expect((await lifecycleOf(ctx, dispute.id)).map((e) => e[0])).toEqual(['rule', 'refund_overdue']);
        const boss = await ctx.as('supervisor', `overdue-${later.getTime()}`);
        const listed = await boss.get(listUrl('/api/refunds', { filter: { overdue: true } }));
        expect(listed.status).toBe(200);
        expect((listed.body as { id: number }[]).map((r) => r.id)).toContain(refund.id);
        const notOverdue = await boss.get(listUrl('/api/refunds', { filter: { overdue: false } }));
        expect((notOverdue.body as { id: number }[]).map((r) => r.id)).not.toContain(refund.id);
    });
});

describe('overturn', () => {
    it('back to review with the same mediator, counters taken back, parties told; the next ruling supersedes', async () => {
        const dispute = await inReview();
        const first = await rule(mediator, dispute.id, ruling({ refundAmount: 0 }));
        expect((await storedDispute(ctx, dispute.id)).status).toBe('closed');
        expect(await counters(dispute)).toEqual({ buyer: [0, 0, 1], seller: [1, 0, 0] });

        expect(
            (await mediator.post(`/api/decisions/${first.body.id}/overturn`).send({ reason: 'x' })).status
        ).toBe(403);
        expect((await supervisor.post(`/api/decisions/${first.body.id}/overturn`).send({})).status).toBe(400);
        ctx.clock.set(new Date(TEST_NOW.getTime() + 86_400_000));
        const later = await ctx.as('supervisor', 'overturn-later');
        const res = await later
            .post(`/api/decisions/${first.body.id}/overturn`)
            .send({ reason: 'The tracking shows the parcel was never delivered.' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({
            status: 'overturned',
            overturnReason: 'The tracking shows the parcel was never delivered.',
            overturnedById: later.staff.id,
        });
        const reopened = await storedDispute(ctx, dispute.id);
        expect(reopened).toMatchObject({
            status: 'in_review',
            assigneeId: mediator.staff.id,
            closedAt: null,
            decidedAt: null,
            resolution: null,
        });
        expect(reopened.slaDueAt).toEqual(new Date(ctx.clock.now().getTime() + 7 * 86_400_000));
        expect(await counters(dispute)).toEqual({ buyer: [0, 0, 0], seller: [0, 0, 0] });
        expect((await outboxOf(dispute.id)).map((e) => e.type).at(-1)).toBe('dispute.overturned');
        expect(
            (await later.post(`/api/decisions/${first.body.id}/overturn`).send({ reason: 'again' })).status
        ).toBe(409);

        const mediatorNow = await signInAs(ctx.app, mediator.staff);
        const second = await rule(mediatorNow, dispute.id, ruling({ refundAmount: 10_000 }));
        expect(second.status, JSON.stringify(second.body)).toBe(201);
        expect(second.body).toMatchObject({ status: 'issued', supersedesId: first.body.id });
        const history = await decisionsOf(dispute.id);
        expect(history.map((d) => d.status)).toEqual(['overturned', 'issued']);
    });

    it("cancels the overturned ruling's unpaid refund and tells the marketplace; a paid one stays paid", async () => {
        const unpaid = await inReview();
        const ruled = await rule(mediator, unpaid.id, ruling());
        const [refund] = await refundsOf(unpaid.id);
        const res = await supervisor
            .post(`/api/decisions/${ruled.body.id}/overturn`)
            .send({ reason: 'Re-examine.' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect((await refundsOf(unpaid.id))[0]).toMatchObject({ id: refund.id, status: 'cancelled' });
        const types = (await outboxOf(unpaid.id)).map((e) => e.type);
        expect(types.slice(-2)).toEqual(['refund.cancelled', 'dispute.overturned']);
        expect((await auditOf(ctx, 'refund', refund.id)).map((e) => e.action)).toEqual(['refund.cancelled']);
        expect((await integrationPost(ctx, `/refunds/${refund.id}/completed`, {})).status).toBe(409);

        const paid = await inReview();
        const paidRuling = await rule(mediator, paid.id, ruling());
        const [paidRefund] = await refundsOf(paid.id);
        expect((await integrationPost(ctx, `/refunds/${paidRefund.id}/completed`, {})).status).toBe(200);
        await supervisor
            .post(`/api/decisions/${paidRuling.body.id}/overturn`)
            .send({ reason: 'Re-examine.' });
        expect((await refundsOf(paid.id))[0].status).toBe('completed');
        expect((await outboxOf(paid.id)).map((e) => e.type)).not.toContain('refund.cancelled');
    });

    it('goes to the queue when the mediator who ruled is no longer active', async () => {
        const leaver = await ctx.as('mediator', 'ruling-leaver');
        const dispute = await inReview({ holder: leaver });
        const ruled = await rule(leaver, dispute.id, ruling());
        await ctx.dataSource.getRepository(Staff).update({ id: leaver.staff.id }, { active: false });
        const res = await supervisor
            .post(`/api/decisions/${ruled.body.id}/overturn`)
            .send({ reason: 'Wrong order.' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ status: 'escalated', assigneeId: null });
    });

    it('only an issued ruling is overturned', async () => {
        const dispute = await inReview({ total: 100_000 });
        const pending = await rule(mediator, dispute.id, ruling({ refundAmount: 90_000 }));
        const res = await supervisor
            .post(`/api/decisions/${pending.body.id}/overturn`)
            .send({ reason: 'No.' });
        expect(res.status).toBe(409);
        expect((await supervisor.post('/api/decisions/999999/overturn').send({ reason: 'No.' })).status).toBe(
            404
        );
    });
});
