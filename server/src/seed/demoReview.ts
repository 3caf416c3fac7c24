import {
    EVIDENCE_REQUEST_TARGETS,
    outcomeOf,
    refundDestinationFor,
    type EvidenceRequestTarget,
} from '../../../shared/domain';
import { majorToMinor } from '../../../shared/money';
import { addDays, addHours } from '../../../shared/policy';
import type { Decision, EvidenceRequest, Refund } from '../entities';
import type { DisputeStory } from './demoData';
import { receiptPdf } from './demoDocuments';
import { between, later, type DemoContext } from './demoLifecycle';
import { evidenceRequestMessage, INTERNAL_NOTES, OVERTURN_REASON, rationale, STAFF_TO_PARTY } from './texts';

export function pickUp(ctx: DemoContext, story: DisputeStory, at: Date, mediatorId: number): void {
    story.move(at, 'pickup', 'in_review', 'staff', mediatorId);
    Object.assign(story.dispute, { assigneeId: mediatorId, assignedAt: at });
    story.message(later(at, 300_000), 'staff', 'both', STAFF_TO_PARTY[0], mediatorId);
    if (ctx.random.chance(0.5)) {
        story.message(later(at, 900_000), 'staff', 'internal', ctx.random.pick(INTERNAL_NOTES), mediatorId);
    }
}

export function release(story: DisputeStory, at: Date, mediatorId: number): void {
    story.move(at, 'release', 'escalated', 'staff', mediatorId, 'Back to the queue: out of office');
    Object.assign(story.dispute, { assigneeId: null, assignedAt: null });
}

/** A mediator asks for evidence; the SLA clock stops until it is answered. */
export function requestEvidence(
    ctx: DemoContext,
    story: DisputeStory,
    at: Date,
    byId: number
): EvidenceRequest {
    const { data, random, policy } = ctx;
    const target: EvidenceRequestTarget = random.pick(EVIDENCE_REQUEST_TARGETS);
    const hours = random.pick([
        48,
        policy.evidenceDeadlineDefaultHours,
        policy.evidenceDeadlineDefaultHours,
        120,
    ]);
    const request: EvidenceRequest = {
        id: data.id('evidence_request'),
        disputeId: story.dispute.id,
        requestedFrom: target,
        requestedById: byId,
        message: evidenceRequestMessage(target, story.dispute.goodsReceived),
        dueAt: addHours(at, hours),
        status: 'open',
        buyerAnswered: false,
        sellerAnswered: false,
        fulfilledAt: null,
        createdAt: at,
    };
    data.evidenceRequests.push(request);
    story.move(at, 'request_evidence', 'awaiting_evidence', 'staff', byId);
    story.message(at, 'staff', target, request.message, byId);
    story.dispute.slaPausedAt = at;
    return request;
}

async function upload(ctx: DemoContext, story: DisputeStory, party: 'buyer' | 'seller', at: Date) {
    const { random, files } = ctx;
    if (party === 'seller')
        story.attach(at, 'seller', await receiptPdf(files, story.order, story.seller.storeName, random));
    else if (story.dispute.goodsReceived)
        story.attach(at, 'buyer', files.buyerPhotos(random, story.dispute.reason, 1)[0]);
    else story.attach(at, 'buyer', files.photo(random, 'shipping_label'));
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
    if (!done) return;
    Object.assign(request, { status: 'fulfilled', fulfilledAt: at });
    story.move(at, 'evidence_complete', 'in_review', party);
    const paused = at.getTime() - (story.dispute.slaPausedAt ?? at).getTime();
    if (story.dispute.slaDueAt) story.dispute.slaDueAt = later(story.dispute.slaDueAt, paused);
    story.dispute.slaPausedAt = null;
}

/** The parties asked, in the order they answer. */
export function partiesOf(request: EvidenceRequest): ('buyer' | 'seller')[] {
    return request.requestedFrom === 'both' ? ['buyer', 'seller'] : [request.requestedFrom];
}

/** The mediator goes through the files on record before ruling. */
export function reviewAttachments(
    ctx: DemoContext,
    story: DisputeStory,
    at: Date,
    reviewerId: number
): number[] {
    for (const attachment of story.attachments) {
        if (attachment.reviewStatus !== 'pending' || attachment.createdAt > at) continue;
        const accepted = ctx.random.chance(0.85);
        story.review(
            attachment,
            at,
            reviewerId,
            accepted ? 'accepted' : 'rejected',
            accepted ? undefined : 'Blurry; the order number is not readable'
        );
    }
    return story.attachments.filter((a) => a.reviewStatus === 'accepted').map((a) => a.id);
}

export function needsApproval(ctx: DemoContext, story: DisputeStory, refundAmount: number): boolean {
    const threshold = majorToMinor(ctx.policy.fourEyesThresholdMajor, story.order.currency);
    return refundAmount >= threshold || story.buyer.flagged;
}

/** A ruling; at/above the four-eyes threshold (or for a flagged buyer) it waits for the supervisor. */
export function rule(
    ctx: DemoContext,
    story: DisputeStory,
    at: Date,
    refundAmount: number,
    supersedes: Decision | null = null
): Decision {
    const { data, random } = ctx;
    const mediatorId = story.dispute.assigneeId ?? ctx.staff.mediators[0];
    const outcome = outcomeOf(refundAmount, story.order.total);
    const returnRequired = refundAmount > 0 && story.dispute.requestedSolution.endsWith('_return');
    const decision: Decision = {
        id: data.id('decision'),
        disputeId: story.dispute.id,
        mediatorId,
        refundAmount,
        currency: story.order.currency,
        outcome,
        returnRequired,
        returnShippingPaidBy: returnRequired ? (random.chance(0.3) ? 'seller' : 'buyer') : null,
        rationaleBuyer: rationale(outcome, 'buyer', returnRequired),
        rationaleSeller: rationale(outcome, 'seller', returnRequired),
        evidenceIds: reviewAttachments(ctx, story, at, mediatorId),
        status: 'issued',
        approverId: null,
        approvedAt: null,
        rejectionReason: null,
        overturnReason: null,
        overturnedById: null,
        supersedesId: supersedes?.id ?? null,
        issuedAt: at,
        createdAt: at,
    };
    data.decisions.push(decision);
    if (needsApproval(ctx, story, refundAmount)) {
        Object.assign(decision, { status: 'pending_approval', issuedAt: null });
        story.move(
            at,
            'rule_four_eyes',
            'pending_approval',
            'staff',
            mediatorId,
            'Four-eyes: waiting for a supervisor'
        );
    } else {
        issue(story, decision, at);
        story.move(at, 'rule', 'decided', 'staff', mediatorId);
    }
    return decision;
}

function issue(story: DisputeStory, decision: Decision, at: Date): void {
    decision.issuedAt = at;
    story.dispute.decidedAt = at;
    story.dispute.slaPausedAt = null;
    if (story.dispute.slaDueAt && story.dispute.slaDueAt < at)
        story.dispute.slaTargetBreachedAt = story.dispute.slaDueAt;
    story.message(at, 'system', 'buyer', decision.rationaleBuyer);
    story.message(at, 'system', 'seller', decision.rationaleSeller);
    if (decision.refundAmount > 0) {
        story.buyer.disputesWonCount += 1;
        story.seller.disputesLostCount += 1;
    }
}

export function approve(ctx: DemoContext, story: DisputeStory, decision: Decision, at: Date): void {
    const supervisor = ctx.staff.supervisor;
    Object.assign(decision, { status: 'issued', approverId: supervisor, approvedAt: at });
    issue(story, decision, at);
    story.move(at, 'approve', 'decided', 'staff', supervisor);
}

/** After a ruling: a refund is requested, or a ruling of no refund closes the dispute at once. */
export function settle(ctx: DemoContext, story: DisputeStory, decision: Decision, at: Date): Refund | null {
    const { data, policy } = ctx;
    if (decision.refundAmount === 0) {
        story.move(at, 'close', 'closed', 'system', null, 'No refund ordered');
        Object.assign(story.dispute, { closedAt: at, resolution: 'ruling' });
        return null;
    }
    const refund: Refund = {
        id: data.id('refund'),
        disputeId: story.dispute.id,
        decisionId: decision.id,
        amount: decision.refundAmount,
        currency: decision.currency,
        destination: refundDestinationFor(story.order.paymentMethod),
        status: 'requested',
        requestedAt: at,
        dueBy: addDays(at, policy.refundMaxDays),
        completedAt: null,
        createdAt: at,
    };
    data.refunds.push(refund);
    if (decision.returnRequired) {
        story.message(
            at,
            'system',
            'both',
            'The refund is released once the seller confirms the returned item arrived.'
        );
    }
    return refund;
}

export function completeRefund(story: DisputeStory, refund: Refund, at: Date): void {
    Object.assign(refund, { status: 'completed', completedAt: at });
    story.move(at, 'refund_completed', 'closed', 'system');
    Object.assign(story.dispute, { closedAt: at, resolution: 'ruling' });
}

/** A supervisor overturns an issued ruling: the dispute goes back to review, history is kept. */
export function overturn(ctx: DemoContext, story: DisputeStory, decision: Decision, at: Date): void {
    const supervisor = ctx.staff.supervisor;
    Object.assign(decision, {
        status: 'overturned',
        overturnReason: OVERTURN_REASON,
        overturnedById: supervisor,
    });
    story.move(at, 'overturn', 'in_review', 'staff', supervisor, OVERTURN_REASON);
    Object.assign(story.dispute, { decidedAt: null, closedAt: null, resolution: null });
    story.message(between(ctx, at, later(at, 3_600_000)), 'staff', 'internal', OVERTURN_REASON, supervisor);
}
