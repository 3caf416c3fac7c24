/**
 * What a buyer or seller does on a dispute through the marketplace: offers and answers to them,
 * escalation, withdrawal, reopening. Each takes the caller's transaction and returns nothing the
 * transport needs beyond the ids it already has.
 */
import type { EntityManager } from 'typeorm';
import type { PartyActionInput, SellerOfferInput } from '../../../shared/schemas/integration';
import { amountProblem } from '../../../shared/schemas/integration';
import { addDays, type Policy } from '../../../shared/policy';
import { lockRow } from '../db/locks';
import { Buyer, EvidenceRequest, Offer, Order } from '../entities';
import { badRequest, conflict, notFound, unprocessable } from '../http/HttpError';
import type { DisputeActor } from './disputeActor';
import { assertNoOtherOpenDispute, FRESH_DISPUTE_STATE } from './opening';
import { applyTransition, assertAllowed, lockDispute } from './recorder';
import { requestRefund } from '../refunds/refunds';
import { resolvedEvent } from './outcomeEvents';
import { startSla } from './slaClock';

/** Pending offers lose their meaning when a newer one is made or the dispute ends. */
function supersedePendingOffers(manager: EntityManager, disputeId: number) {
    return manager.getRepository(Offer).update({ disputeId, status: 'pending' }, { status: 'superseded' });
}

/** The buyer accepts (the dispute resolves by agreement) or rejects the seller's pending offer. */
export async function answerOffer(
    manager: EntityManager,
    policy: Policy,
    answer: { disputeId: number; offerId: number; accept: boolean; input: PartyActionInput },
    actor: DisputeActor,
    now: Date
): Promise<void> {
    const { disputeId, offerId, accept, input } = answer;
    const action = accept ? 'accept_offer' : 'reject_offer';
    const dispute = await lockDispute(manager, disputeId);
    assertAllowed(dispute, action, actor);
    const offer = await manager.getRepository(Offer).findOneBy({ id: offerId, disputeId });
    if (!offer) throw notFound(`Offer ${offerId} of dispute ${disputeId} does not exist`);
    if (offer.status !== 'pending') {
        throw conflict(
            `Offer ${offerId} is ${offer.status}; only a pending offer can be ${accept ? 'accepted' : 'rejected'}`
        );
    }
    await manager
        .getRepository(Offer)
        .update({ id: offerId }, { status: accept ? 'accepted' : 'rejected', respondedAt: now });
    const details = { offerId, solution: offer.solution, amount: offer.amount, currency: offer.currency };
    if (!accept) {
        await applyTransition(manager, dispute, action, actor, {
            note: input.note ?? null,
            details,
            at: now,
        });
        return;
    }
    // The agreement is the outcome: the offered amount is refunded, and both parties are told.
    const order = await manager.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
    const requested =
        offer.amount && offer.amount > 0
            ? await requestRefund(manager, policy, {
                  dispute,
                  order,
                  amount: offer.amount,
                  decisionId: null,
                  at: now,
              })
            : null;
    const resolved = resolvedEvent(dispute, order, 'agreement', requested?.refund ?? null, now);
    await applyTransition(manager, dispute, action, actor, {
        changes: { resolution: 'agreement', offerAccepted: true, closedAt: now },
        note: input.note ?? null,
        details: { ...details, refundId: requested?.refund.id ?? null },
        outbox: requested ? [requested.event, resolved] : [resolved],
        at: now,
    });
}

/** A seller's offer; the seller's first answer moves an opened dispute to negotiating. */
export async function sellerOffer(
    manager: EntityManager,
    disputeId: number,
    input: SellerOfferInput,
    actor: DisputeActor,
    now: Date
): Promise<Offer> {
    const dispute = await lockDispute(manager, disputeId);
    assertAllowed(dispute, 'seller_offer', actor);
    const order = await manager.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
    const problem = amountProblem(input.solution, input.amount, order.total);
    if (problem) throw badRequest(`The offer amount ${problem}`, { amount: problem });
    await supersedePendingOffers(manager, disputeId);
    const offers = manager.getRepository(Offer);
    const { identifiers } = await offers.insert({
        disputeId,
        party: 'seller',
        solution: input.solution,
        amount: input.amount,
        currency: dispute.currency,
        note: input.note ?? null,
        status: 'pending',
        respondedAt: null,
        createdAt: now,
    });
    const offerId = Number(identifiers[0].id);
    await applyTransition(manager, dispute, 'seller_offer', actor, {
        changes: dispute.sellerRespondedAt ? {} : { sellerRespondedAt: now },
        note: input.note ?? null,
        details: { offerId, solution: input.solution, amount: input.amount, currency: dispute.currency },
        at: now,
    });
    return offers.findOneByOrFail({ id: offerId });
}

/** To the platform's queue, from policy.buyerEscalationAfterDays after opening. */
export async function escalate(
    manager: EntityManager,
    policy: Policy,
    disputeId: number,
    input: PartyActionInput,
    actor: DisputeActor,
    now: Date
): Promise<void> {
    const dispute = await lockDispute(manager, disputeId);
    assertAllowed(dispute, 'escalate', actor);
    const from = addDays(dispute.openedAt, policy.buyerEscalationAfterDays);
    if (now < from) {
        throw unprocessable(
            `Too early to escalate dispute ${disputeId}: the buyer may escalate from ${from.toISOString()}, ` +
                `${policy.buyerEscalationAfterDays} days after opening`
        );
    }
    await applyTransition(manager, dispute, 'escalate', actor, {
        changes: { escalatedAt: now, ...startSla(now, policy) },
        note: input.note ?? null,
        at: now,
    });
}

/** The buyer is satisfied: any state before a ruling ends as withdrawn. */
export async function withdraw(
    manager: EntityManager,
    _policy: Policy,
    disputeId: number,
    input: PartyActionInput,
    actor: DisputeActor,
    now: Date
): Promise<void> {
    const dispute = await lockDispute(manager, disputeId);
    assertAllowed(dispute, 'withdraw', actor);
    await supersedePendingOffers(manager, disputeId);
    await manager
        .getRepository(EvidenceRequest)
        .update({ disputeId, status: 'open' }, { status: 'cancelled' });
    await applyTransition(manager, dispute, 'withdraw', actor, {
        changes: {
            resolution: 'withdrawn',
            assigneeId: null,
            assignedAt: null,
            slaPausedAt: null,
            closedAt: now,
        },
        note: input.note ?? null,
        details: { previousAssigneeId: dispute.assigneeId },
        at: now,
    });
}

/** Back to opened while the order is protected; never after accepting the seller's offer. */
export async function reopen(
    manager: EntityManager,
    _policy: Policy,
    disputeId: number,
    input: PartyActionInput,
    actor: DisputeActor,
    now: Date
): Promise<void> {
    const dispute = await lockDispute(manager, disputeId);
    assertAllowed(dispute, 'reopen', actor);
    if (dispute.offerAccepted) {
        throw unprocessable(`Dispute ${disputeId} cannot reopen after accepting the seller's offer`);
    }
    const order = (await lockRow(manager, Order, dispute.orderId))!;
    if (now >= order.protectionEndsAt) {
        throw unprocessable(
            `Dispute ${disputeId} cannot reopen: the protection of order ${order.externalId} ` +
                `expired on ${order.protectionEndsAt.toISOString()}`
        );
    }
    const buyer = await manager.getRepository(Buyer).findOneByOrFail({ id: dispute.buyerId });
    if (buyer.blocked) throw unprocessable(`Buyer ${buyer.externalId} is blocked from opening disputes`);
    await assertNoOtherOpenDispute(manager, order, disputeId);
    await supersedePendingOffers(manager, disputeId);
    await applyTransition(manager, dispute, 'reopen', actor, {
        changes: { ...FRESH_DISPUTE_STATE, openedAt: now, reopenCount: dispute.reopenCount + 1 },
        note: input.note ?? null,
        details: { reopenCount: dispute.reopenCount + 1 },
        at: now,
    });
}
