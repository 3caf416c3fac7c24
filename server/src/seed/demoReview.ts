/**
 * A mediator's work on a dispute: pick-up, evidence, rulings, approval, refunds, overturns. Steps
 * the domain has a function for call it; the others (evidence requests, rulings and what follows,
 * until their issues land) write their own records and move the dispute through the recorder.
 */
import { EVIDENCE_REQUEST_TARGETS, outcomeOf, type EvidenceRequestTarget } from '../../../shared/domain';
import { needsApproval } from '../../../shared/fourEyes';
import { addHours } from '../../../shared/policy';
import { pickUp as claim, release as unclaim } from '../disputes/assignments';
import { lockDispute } from '../disputes/recorder';
import { pauseSla, resumeSla } from '../disputes/slaClock';
import { Decision, EvidenceRequest, Refund } from '../entities';
import { requestRefund } from '../refunds/refunds';
import type { DisputeStory } from './demoData';
import { receiptPdf, trackingPdf } from './demoDocuments';
import { between, later, payOut, type DemoContext } from './demoLifecycle';
import {
    evidenceRequestMessage,
    internalNote,
    overturnReason,
    rationale,
    rejectionReason,
    STAFF_TO_PARTY,
} from './texts';

export async function pickUp(ctx: DemoContext, story: DisputeStory, at: Date, mediatorId: number) {
    const actor = ctx.actors.staff(mediatorId);
    await story.act(at, (tx) => claim(tx, ctx.policy, story.id, actor, at));
    story.message(later(at, 300_000), 'staff', 'both', STAFF_TO_PARTY[0], mediatorId);
    if (ctx.random.chance(0.5)) {
        const note = internalNote(ctx.random, story.dispute.reason, story.dispute.goodsReceived);
        story.message(later(at, 900_000), 'staff', 'internal', note, mediatorId);
    }
}

export async function release(ctx: DemoContext, story: DisputeStory, at: Date, mediatorId: number) {
    const actor = ctx.actors.staff(mediatorId);
    await story.act(at, async (tx) => unclaim(tx, await lockDispute(tx, story.id), actor, at));
}

/**
 * A mediator asks for evidence; the SLA clock stops until it is answered. `openUntil`: a request
 * still open at that moment is due after it.
 */
export async function requestEvidence(
    ctx: DemoContext,
    story: DisputeStory,
    at: Date,
    byId: number,
    openUntil?: Date
): Promise<EvidenceRequest> {
    const { random, policy } = ctx;
    const target: EvidenceRequestTarget = random.pick(EVIDENCE_REQUEST_TARGETS);
    const hours = random.pick([
        48,
        policy.evidenceDeadlineDefaultHours,
        policy.evidenceDeadlineDefaultHours,
        120,
    ]);
    let dueAt = addHours(at, hours);
    if (openUntil && dueAt <= openUntil) dueAt = later(openUntil, random.hours(6, 48));
    const repo = story.tx.getRepository(EvidenceRequest);
    const request = await repo.save(
        repo.create({
            disputeId: story.id,
            requestedFrom: target,
            requestedById: byId,
            message: evidenceRequestMessage(target, story.dispute.goodsReceived),
            dueAt,
            status: 'open',
            buyerAnswered: false,
            sellerAnswered: false,
            fulfilledAt: null,
            createdAt: at,
        })
    );
    await story.move(at, 'request_evidence', ctx.actors.staff(byId), {
        changes: pauseSla(story.dispute, at),
        details: { evidenceRequestId: request.id, requestedFrom: target, dueAt },
    });
    story.message(at, 'staff', target, request.message, byId);
    return request;
}

async function upload(ctx: DemoContext, story: DisputeStory, party: 'buyer' | 'seller', at: Date) {
    const { random, files } = ctx;
    if (party === 'seller')
        story.attach(at, 'seller', await receiptPdf(files, story.order, story.seller.storeName, random));
    else if (story.dispute.goodsReceived)
        story.attach(at, 'buyer', files.buyerPhotos(random, story.dispute.reason, 1)[0]);
    else story.attach(at, 'buyer', await trackingPdf(files, story.order, story.dispute.reason));
}

/** One party answers; the request is fulfilled once everyone asked has answered. */
export async function answerEvidence(
    ctx: DemoContext,
    story: DisputeStory,
    request: EvidenceRequest,
    party: 'buyer' | 'seller',
    at: Date
): Promise<void> {
    await upload(ctx, story, party, at);
    story.message(at, party, 'both', 'Files uploaded as requested.');
    if (party === 'buyer') request.buyerAnswered = true;
    else request.sellerAnswered = true;
    const done =
        request.requestedFrom === 'both'
            ? request.buyerAnswered && request.sellerAnswered
            : request.requestedFrom === party;
    if (done) Object.assign(request, { status: 'fulfilled', fulfilledAt: at });
    const { buyerAnswered, sellerAnswered, status, fulfilledAt } = request;
    await story.tx
        .getRepository(EvidenceRequest)
        .update({ id: request.id }, { buyerAnswered, sellerAnswered, status, fulfilledAt });
    if (!done) return;
    // Back to review (or to the queue, when nobody holds the dispute); the SLA runs again.
    await story.move(at, 'evidence_complete', ctx.actors[party], {
        changes: resumeSla(story.dispute, at),
        details: { evidenceRequestId: request.id },
    });
}

/** The parties asked, in the order they answer. */
export function partiesOf(request: EvidenceRequest): ('buyer' | 'seller')[] {
    return request.requestedFrom === 'both' ? ['buyer', 'seller'] : [request.requestedFrom];
}

/** The mediator goes through the files on record before ruling. */
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
    return story.attachments.filter((a) => a.reviewStatus === 'relevant').map((a) => a.id);
}

/** An issued ruling: its refund requested in the same step, or, with no refund, closed at once. */
export interface Ruling {
    decision: Decision;
    at: Date;
    refund: Refund | null;
}

/** Makes the ruling final (`rule`, or the supervisor's `approve`): refund or closure, messages. */
async function issue(
    ctx: DemoContext,
    story: DisputeStory,
    decision: Decision,
    action: 'rule' | 'approve',
    actorId: number,
    at: Date
): Promise<Ruling> {
    const { policy, actors, tx } = ctx;
    const approval =
        action === 'approve' ? { status: 'issued' as const, approverId: actorId, approvedAt: at } : {};
    Object.assign(decision, { ...approval, issuedAt: at });
    await tx.getRepository(Decision).update({ id: decision.id }, { ...approval, issuedAt: at });
    const details = {
        decisionId: decision.id,
        outcome: decision.outcome,
        refundAmount: decision.refundAmount,
        currency: decision.currency,
    };
    let refund: Refund | null = null;
    if (decision.refundAmount > 0) {
        const requested = await requestRefund(tx, policy, {
            dispute: story.dispute,
            order: story.order,
            amount: decision.refundAmount,
            decisionId: decision.id,
            at,
        });
        refund = requested.refund;
        await story.move(at, action, actors.staff(actorId), {
            changes: { decidedAt: at },
            details: { ...details, refundId: refund.id },
            outbox: [requested.event],
        });
    } else {
        await story.move(at, action, actors.staff(actorId), { changes: { decidedAt: at }, details });
        await story.move(at, 'close', actors.system, {
            changes: { closedAt: at, resolution: 'ruling' },
            note: 'No refund ordered',
        });
    }
    story.message(at, 'system', 'buyer', decision.rationaleBuyer);
    story.message(at, 'system', 'seller', decision.rationaleSeller);
    if (decision.refundAmount > 0) {
        story.buyer.disputesWonCount += 1;
        story.seller.disputesLostCount += 1;
    }
    if (refund && decision.returnRequired) {
        story.message(
            at,
            'system',
            'both',
            'The refund is released once the seller confirms the returned item arrived.'
        );
    }
    return { decision, at, refund };
}

/** A ruling by the dispute's holder; at/above the four-eyes threshold (or for a flagged buyer) it waits. */
export async function rule(
    ctx: DemoContext,
    story: DisputeStory,
    at: Date,
    refundAmount: number,
    supersedes: Decision | null = null
): Promise<Ruling | Decision> {
    const { random, policy, tx } = ctx;
    const mediatorId = story.dispute.assigneeId ?? ctx.staff.mediators[0];
    const outcome = outcomeOf(refundAmount, story.order.total);
    const returnRequired = refundAmount > 0 && story.dispute.requestedSolution.endsWith('_return');
    const received = story.dispute.goodsReceived;
    const evidenceIds = await reviewAttachments(ctx, story, at, mediatorId);
    const fourEyes = needsApproval(policy, {
        refundAmount,
        currency: story.order.currency,
        buyerFlagged: story.buyer.flagged,
    });
    const repo = tx.getRepository(Decision);
    const decision = await repo.save(
        repo.create({
            disputeId: story.id,
            mediatorId,
            refundAmount,
            currency: story.order.currency,
            outcome,
            returnRequired,
            returnShippingPaidBy: returnRequired ? (random.chance(0.3) ? 'seller' : 'buyer') : null,
            rationaleBuyer: rationale(outcome, 'buyer', returnRequired, received),
            rationaleSeller: rationale(outcome, 'seller', returnRequired, received),
            evidenceIds,
            status: fourEyes ? 'pending_approval' : 'issued',
            approverId: null,
            approvedAt: null,
            rejectionReason: null,
            overturnReason: null,
            overturnedById: null,
            supersedesId: supersedes?.id ?? null,
            issuedAt: null,
            createdAt: at,
        })
    );
    if (!fourEyes) return issue(ctx, story, decision, 'rule', mediatorId, at);
    await story.move(at, 'rule_four_eyes', ctx.actors.staff(mediatorId), {
        note: 'Four-eyes: waiting for a supervisor',
        details: { decisionId: decision.id, refundAmount, currency: decision.currency },
    });
    return decision;
}

export function approve(
    ctx: DemoContext,
    story: DisputeStory,
    decision: Decision,
    at: Date
): Promise<Ruling> {
    return issue(ctx, story, decision, 'approve', ctx.staff.supervisor, at);
}

/** The supervisor sends a ruling back to its mediator. */
export async function reject(ctx: DemoContext, story: DisputeStory, decision: Decision, at: Date) {
    const reason = rejectionReason(story.dispute.goodsReceived);
    await ctx.tx
        .getRepository(Decision)
        .update({ id: decision.id }, { status: 'rejected', rejectionReason: reason });
    await story.move(at, 'reject', ctx.actors.staff(ctx.staff.supervisor), {
        note: reason,
        details: { decisionId: decision.id },
    });
}

/** The marketplace reports the refund paid: the dispute closes. */
export async function completeRefund(ctx: DemoContext, story: DisputeStory, refund: Refund, at: Date) {
    if (!(await payOut(ctx, refund, at))) return;
    await story.move(at, 'refund_completed', ctx.actors.system, {
        changes: { closedAt: at, resolution: 'ruling' },
        details: { refundId: refund.id },
    });
}

/** A supervisor overturns an issued ruling: the dispute goes back to review, history is kept. */
export async function overturn(ctx: DemoContext, story: DisputeStory, decision: Decision, at: Date) {
    const supervisor = ctx.staff.supervisor;
    const reason = overturnReason(story.dispute.goodsReceived);
    await ctx.tx
        .getRepository(Decision)
        .update(
            { id: decision.id },
            { status: 'overturned', overturnReason: reason, overturnedById: supervisor }
        );
    await story.move(at, 'overturn', ctx.actors.staff(supervisor), {
        changes: { decidedAt: null, closedAt: null, resolution: null },
        note: reason,
        details: { decisionId: decision.id },
    });
    story.message(between(ctx, at, later(at, 3_600_000)), 'staff', 'internal', reason, supervisor);
}
