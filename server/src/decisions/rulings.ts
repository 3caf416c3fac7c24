/**
 * Rulings: a mediator's decision on a dispute in review, and the four-eyes approval or rejection
 * by a supervisor (an overturn is in overturn.ts). Each takes the caller's transaction, in which
 * the edge has already checked the record-level permission on the locked rows.
 */
import { In, type EntityManager } from 'typeorm';
import { outcomeOf, refundPercentOf } from '../../../shared/domain';
import { needsApproval } from '../../../shared/fourEyes';
import { hoursToDecisionOf, slaTargetBreached } from '../../../shared/mediatorQuality';
import type { Policy } from '../../../shared/policy';
import { refundAmountProblem, type RulingInput } from '../../../shared/schemas/rulings';
import { lockRow } from '../db/locks';
import { Attachment, Buyer, Decision, Order, type Dispute } from '../entities';
import { badRequest, conflict, notFound } from '../http/HttpError';
import type { DisputeActor } from '../disputes/disputeActor';
import { applyTransition, assertAllowed, lockDispute } from '../disputes/recorder';
import { decisionAudit, issueRuling } from './issuing';

/** Loads and locks a decision and its dispute (the dispute first, as every dispute change does). */
export async function lockDecision(
    manager: EntityManager,
    id: number
): Promise<{ decision: Decision; dispute: Dispute }> {
    const found = await manager.getRepository(Decision).findOneBy({ id });
    if (!found) throw notFound(`Decision #${id} does not exist`);
    const dispute = await lockDispute(manager, found.disputeId);
    const decision = (await lockRow(manager, Decision, id))!;
    return { decision, dispute };
}

/** 400 naming the field when the ruling does not fit the order or the dispute's evidence. */
async function checkRuling(manager: EntityManager, dispute: Dispute, order: Order, input: RulingInput) {
    const amountProblem = refundAmountProblem(input.refundAmount, order.total);
    if (amountProblem) {
        throw badRequest(`The refund amount ${amountProblem}`, { refundAmount: amountProblem });
    }
    if (input.returnRequired && !dispute.goodsReceived) {
        const why = 'cannot be true: the buyer never received the goods';
        throw badRequest(`returnRequired ${why}`, { returnRequired: why });
    }
    if (input.returnRequired && input.refundAmount === 0) {
        const why = 'cannot be true for a ruling of no refund';
        throw badRequest(`returnRequired ${why}`, { returnRequired: why });
    }
    if (input.evidenceIds.length === 0) return;
    const found = await manager
        .getRepository(Attachment)
        .find({ select: { id: true }, where: { id: In(input.evidenceIds), disputeId: dispute.id } });
    const own = new Set(found.map((a) => a.id));
    const foreign = input.evidenceIds.filter((id) => !own.has(id));
    if (foreign.length > 0) {
        const why = `must be evidence of dispute ${dispute.id}; not: ${foreign.join(', ')}`;
        throw badRequest(`evidenceIds ${why}`, { evidenceIds: why });
    }
}

/** The ruling an overturn left without a successor, which a new ruling supersedes. */
async function overturnedPredecessor(manager: EntityManager, disputeId: number): Promise<number | null> {
    const previous = await manager.getRepository(Decision).findOne({
        where: { disputeId, status: 'overturned' },
        order: { id: 'DESC' },
    });
    if (!previous) return null;
    const successor = await manager.getRepository(Decision).exists({ where: { supersedesId: previous.id } });
    return successor ? null : previous.id;
}

/**
 * A ruling on a dispute in review: issued at once below the four-eyes threshold, else waiting for a
 * supervisor (`pending_approval`, and nothing reaches a party). A second ruling finds the dispute
 * no longer in review: 409.
 */
export async function rule(
    manager: EntityManager,
    policy: Policy,
    dispute: Dispute,
    input: RulingInput,
    actor: DisputeActor,
    now: Date
): Promise<Decision> {
    const fourEyes = (buyerFlagged: boolean, currency: string) =>
        needsApproval(policy, { refundAmount: input.refundAmount, currency, buyerFlagged });
    const order = await manager.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
    const buyer = await manager.getRepository(Buyer).findOneByOrFail({ id: dispute.buyerId });
    const pending = fourEyes(buyer.flagged, order.currency);
    assertAllowed(dispute, pending ? 'rule_four_eyes' : 'rule', actor);
    await checkRuling(manager, dispute, order, input);

    const decisions = manager.getRepository(Decision);
    const { identifiers } = await decisions.insert({
        disputeId: dispute.id,
        mediatorId: actor.staffId!,
        refundAmount: input.refundAmount,
        currency: order.currency,
        outcome: outcomeOf(input.refundAmount, order.total),
        returnRequired: input.returnRequired,
        returnShippingPaidBy: input.returnRequired ? (input.returnShippingPaidBy ?? 'buyer') : null,
        rationaleBuyer: input.rationaleBuyer,
        rationaleSeller: input.rationaleSeller,
        evidenceIds: input.evidenceIds,
        reason: dispute.reason,
        goodsReceived: dispute.goodsReceived,
        orderTotal: order.total,
        refundPercent: refundPercentOf(input.refundAmount, order.total),
        hoursToDecision: hoursToDecisionOf(dispute.escalatedAt, now),
        slaBreached: slaTargetBreached(dispute, now),
        status: pending ? 'pending_approval' : 'draft',
        approverId: null,
        approvedAt: null,
        approvalComment: null,
        rejectionReason: null,
        overturnReason: null,
        overturnedById: null,
        supersedesId: await overturnedPredecessor(manager, dispute.id),
        returnTrackingNumber: null,
        returnCarrier: null,
        returnShippedAt: null,
        issuedAt: null,
        createdAt: now,
    });
    const decision = await decisions.findOneByOrFail({ id: Number(identifiers[0].id) });

    if (!pending) {
        await issueRuling(manager, policy, { dispute, order, decision, action: 'rule', actor, at: now });
        return decisions.findOneByOrFail({ id: decision.id });
    }
    await applyTransition(manager, dispute, 'rule_four_eyes', actor, {
        note: buyer.flagged
            ? 'The buyer is flagged: the ruling waits for a supervisor'
            : 'The refund is at or above the four-eyes threshold: the ruling waits for a supervisor',
        details: {
            decisionId: decision.id,
            outcome: decision.outcome,
            refundAmount: decision.refundAmount,
            currency: decision.currency,
            buyerFlagged: buyer.flagged,
        },
        recordAudits: [decisionAudit(decision, 'created', null)],
        at: now,
    });
    return decision;
}

function assertPending(decision: Decision, verb: string): void {
    if (decision.status !== 'pending_approval') {
        throw conflict(
            `Decision #${decision.id} is ${decision.status}; only a ruling pending approval can be ${verb}`
        );
    }
}

/** A supervisor approves a four-eyes ruling: it is issued as if it had been below the threshold. */
export async function approve(
    manager: EntityManager,
    policy: Policy,
    locked: { decision: Decision; dispute: Dispute },
    comment: string | null,
    actor: DisputeActor,
    now: Date
): Promise<Decision> {
    const { decision, dispute } = locked;
    assertPending(decision, 'approved');
    const order = await manager.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
    Object.assign(decision, { approverId: actor.staffId, approvedAt: now, approvalComment: comment });
    await issueRuling(manager, policy, {
        dispute,
        order,
        decision,
        action: 'approve',
        actor,
        note: comment,
        at: now,
    });
    return manager.getRepository(Decision).findOneByOrFail({ id: decision.id });
}

/** A supervisor rejects a four-eyes ruling: the dispute goes back to review, with the comment on its timeline. */
export async function reject(
    manager: EntityManager,
    locked: { decision: Decision; dispute: Dispute },
    comment: string,
    actor: DisputeActor,
    now: Date
): Promise<Decision> {
    const { decision, dispute } = locked;
    assertPending(decision, 'rejected');
    await manager
        .getRepository(Decision)
        .update(
            { id: decision.id },
            { status: 'rejected', rejectionReason: comment, approverId: actor.staffId }
        );
    const rejected = Object.assign(decision, { status: 'rejected', rejectionReason: comment } as const);
    await applyTransition(manager, dispute, 'reject', actor, {
        note: comment,
        details: { decisionId: decision.id },
        recordAudits: [decisionAudit(rejected, 'rejected', { status: 'pending_approval' })],
        at: now,
    });
    return manager.getRepository(Decision).findOneByOrFail({ id: decision.id });
}
