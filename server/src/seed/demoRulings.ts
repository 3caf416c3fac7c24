/**
 * Rulings in the demo: the ruling, the supervisor's approval or rejection, the return and the
 * refund's payment, overturns and overdue refunds. Each goes through the domain's own function
 * (`decisions/`, `refunds/refunds.ts`) with the permission the API would check.
 */
import { outcomeOf } from '../../../shared/domain';
import { denialReason, type AccessRequest } from '../../../shared/permissions';
import { DAY_MS } from '../../../shared/policy';
import { rulingSchema } from '../../../shared/schemas/rulings';
import { overturn as overturnRuling } from '../decisions/overturn';
import {
    lockDecision,
    approve as approveRuling,
    reject as rejectRuling,
    rule as ruleOn,
} from '../decisions/rulings';
import { lockDispute } from '../disputes/recorder';
import { Decision, Refund } from '../entities';
import { flagOverdueRefund, returnShipped } from '../refunds/refunds';
import { trackingNumber } from './catalog';
import type { DisputeStory } from './demoData';
import { between, later, payOut, soonAfter, type DemoContext } from './demoLifecycle';
import { writeAttachments } from './demoReview';
import { overturnReason, rationale, rejectionReason } from './texts';

/** The mediator goes through the files on record before ruling; returns the relevant ones. */
async function reviewAttachments(
    ctx: DemoContext,
    story: DisputeStory,
    at: Date,
    reviewerId: number
): Promise<number[]> {
    for (const attachment of story.attachments) {
        if (attachment.reviewStatus !== 'pending' || attachment.createdAt > at) continue;
        const accepted = ctx.random.chance(0.85);
        story.review(
            attachment,
            at,
            reviewerId,
            accepted ? 'relevant' : 'unreadable',
            accepted ? undefined : 'Blurry; the order number is not readable'
        );
    }
    // Reviewed before they are written: a written attachment is never reviewed again.
    await writeAttachments(story, at);
    return story.attachments.filter((a) => a.reviewStatus === 'relevant').map((a) => a.id);
}

/** The permission check the API makes on the record (the demo's staff act as the console would). */
function assertPermitted(ctx: DemoContext, staffId: number, request: Omit<AccessRequest, 'staffId'>) {
    const role = ctx.data.staff.find((member) => member.id === staffId)?.role;
    const denied = denialReason(role, { ...request, staffId });
    if (denied)
        throw new Error(`Demo staff #${staffId} may not ${request.action} ${request.resource}: ${denied}`);
}

/** An issued ruling and when it was issued (at once, or on the supervisor's approval). */
export interface Ruling {
    decision: Decision;
    at: Date;
}

/** The parties read the ruling: each their own rationale. */
function ruled(story: DisputeStory, decision: Decision, at: Date): Ruling {
    story.message(at, 'system', 'buyer', decision.rationaleBuyer);
    story.message(at, 'system', 'seller', decision.rationaleSeller);
    if (decision.returnRequired) {
        story.message(
            at,
            'system',
            'both',
            'The refund is released once the buyer has shipped the item back with tracking.'
        );
    }
    return { decision, at };
}

/**
 * A ruling by the mediator holding the dispute, through the domain: issued at once, or, at/above
 * the four-eyes threshold (or for a flagged buyer), `pending_approval` until a supervisor answers.
 * An overturned ruling is superseded by the next one (the domain links them).
 */
export async function rule(
    ctx: DemoContext,
    story: DisputeStory,
    at: Date,
    refundAmount: number
): Promise<Decision> {
    const { random, policy, actors } = ctx;
    const mediatorId = story.dispute.assigneeId;
    if (mediatorId === null) throw new Error(`Demo dispute ${story.id}: nobody holds it to rule`);
    assertPermitted(ctx, mediatorId, { resource: 'disputes', action: 'rule', record: story.dispute });
    const outcome = outcomeOf(refundAmount, story.order.total);
    const returnRequired = refundAmount > 0 && story.dispute.requestedSolution.endsWith('_return');
    const received = story.dispute.goodsReceived;
    const evidenceIds = await reviewAttachments(ctx, story, at, mediatorId);
    // The body the console would post, validated as the API validates it.
    const input = rulingSchema(policy).parse({
        refundAmount,
        returnRequired,
        ...(returnRequired ? { returnShippingPaidBy: random.chance(0.3) ? 'seller' : 'buyer' } : {}),
        rationaleBuyer: rationale(outcome, 'buyer', returnRequired, received),
        rationaleSeller: rationale(outcome, 'seller', returnRequired, received),
        evidenceIds,
    });
    const decision = await story.act(at, async (tx) =>
        ruleOn(tx, policy, await lockDispute(tx, story.id), input, actors.staff(mediatorId), at)
    );
    if (decision.status === 'issued') ruled(story, decision, at);
    return decision;
}

const APPROVAL_COMMENTS = [
    'Checked the evidence on file; approved.',
    'Amount is in line with the evidence. Approved.',
    null,
] as const;

/** The supervisor approves a four-eyes ruling (never their own): it is issued. */
export async function approve(
    ctx: DemoContext,
    story: DisputeStory,
    decision: Decision,
    at: Date
): Promise<Ruling> {
    const supervisor = ctx.staff.supervisor;
    assertPermitted(ctx, supervisor, { resource: 'decisions', action: 'approve', record: decision });
    const comment = ctx.random.pick(APPROVAL_COMMENTS);
    const approved = await story.act(at, async (tx) =>
        approveRuling(
            tx,
            ctx.policy,
            await lockDecision(tx, decision.id),
            comment,
            ctx.actors.staff(supervisor),
            at
        )
    );
    return ruled(story, approved, at);
}

/** The supervisor sends a ruling back to its mediator, with the reason on the timeline. */
export async function reject(ctx: DemoContext, story: DisputeStory, decision: Decision, at: Date) {
    const supervisor = ctx.staff.supervisor;
    assertPermitted(ctx, supervisor, { resource: 'decisions', action: 'reject', record: decision });
    const reason = rejectionReason(story.dispute.goodsReceived);
    await story.act(at, async (tx) =>
        rejectRuling(tx, await lockDecision(tx, decision.id), reason, ctx.actors.staff(supervisor), at)
    );
}

/**
 * What follows an issued ruling: for a return, the buyer ships the item back some days later
 * (if that is past by now) and the refund is requested then; with `pay`, the marketplace pays the
 * refund out some days after it was requested, which closes the dispute. Returns the refund, if any.
 */
export async function settle(
    ctx: DemoContext,
    story: DisputeStory,
    ruling: Ruling,
    pay: boolean
): Promise<Refund | null> {
    const { decision } = ruling;
    if (decision.refundAmount === 0) return null;
    let refund: Refund | null;
    if (decision.returnRequired) {
        // A closed dispute's return came back in time to be paid; a decided one's may be on its way.
        const shippedAt = pay
            ? soonAfter(ctx, ruling.at, DAY_MS, 5 * DAY_MS)
            : later(ruling.at, ctx.random.days(1, 12));
        if (shippedAt.getTime() > ctx.now.getTime() - 5 * 60_000) return null;
        refund = await shipBack(ctx, story, shippedAt);
    } else {
        refund = await ctx.tx.getRepository(Refund).findOneByOrFail({ decisionId: decision.id });
    }
    if (pay) {
        const [min, max] = decision.returnRequired ? [2, 9] : [1, ctx.policy.refundUsualDays];
        await payOut(ctx, story, refund, soonAfter(ctx, refund.requestedAt, min * DAY_MS, max * DAY_MS));
    }
    return refund;
}

const CARRIERS = ['DHL', 'UPS', 'La Poste', 'Royal Mail', 'DPD', 'Kazpost'] as const;

/** The buyer reports the return's tracking number through the marketplace: the refund is requested. */
async function shipBack(ctx: DemoContext, story: DisputeStory, at: Date): Promise<Refund> {
    const { random, policy, actors } = ctx;
    const input = { trackingNumber: trackingNumber(random), carrier: random.pick(CARRIERS) };
    const refund = await story.act(at, (tx) => returnShipped(tx, policy, story.id, input, actors.buyer, at));
    story.message(
        at,
        'buyer',
        'both',
        `I sent the item back with ${input.carrier}, tracking ${input.trackingNumber}.`
    );
    return refund;
}

/**
 * A supervisor overturns an issued ruling: the dispute goes back to its mediator's review (fresh
 * SLA, outcome counters taken back), the old ruling stays in the history.
 */
export async function overturn(ctx: DemoContext, story: DisputeStory, decision: Decision, at: Date) {
    const supervisor = ctx.staff.supervisor;
    assertPermitted(ctx, supervisor, { resource: 'decisions', action: 'overturn', record: decision });
    const reason = overturnReason(story.dispute.goodsReceived);
    await story.act(at, async (tx) =>
        overturnRuling(
            tx,
            ctx.policy,
            await lockDecision(tx, decision.id),
            reason,
            ctx.actors.staff(supervisor),
            at
        )
    );
    story.message(between(ctx, at, later(at, 3_600_000)), 'staff', 'internal', reason, supervisor);
}

/** The refunds still unpaid past their due date by now, flagged when the overdue timer would have. */
export async function flagOverdueRefunds(ctx: DemoContext, story: DisputeStory): Promise<void> {
    const open = await ctx.tx
        .getRepository(Refund)
        .find({ where: { disputeId: story.id, status: 'requested' }, order: { id: 'ASC' } });
    for (const refund of open) {
        const dueBy = new Date(refund.dueBy);
        if (dueBy.getTime() > ctx.now.getTime()) continue;
        await story.act(dueBy, (tx) => flagOverdueRefund(tx, refund.id, dueBy));
    }
}
