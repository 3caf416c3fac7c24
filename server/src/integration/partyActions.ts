import type { EntityManager } from 'typeorm';
import type { PartyActionInput, SellerOfferInput } from '../../../shared/schemas/integration';
import { amountProblem } from '../../../shared/schemas/integration';
import { addDays } from '../../../shared/policy';
import type { AppContext } from '../appContext';
import type { DisputeActor } from '../disputes/disputeActor';
import { startSla } from '../disputes/slaClock';
import { applyTransition, assertAllowed, lockDispute } from '../disputes/transition';
import { Buyer, EvidenceRequest, Offer, Order } from '../entities';
import { badRequest, conflict, notFound, unprocessable } from '../http/HttpError';
import { assertNoOtherOpenDispute, lockOrder } from './partyRules';
import { disputeView, offerView } from './views';

/** Pending offers lose their meaning when a newer one is made or the dispute ends. */
function supersedePendingOffers(manager: EntityManager, disputeId: number) {
    return manager.getRepository(Offer).update({ disputeId, status: 'pending' }, { status: 'superseded' });
}

/** What a buyer or seller does on a dispute through the marketplace. */
export function partyActions(context: AppContext) {
    const { clock } = context;
    const { policy } = context.config;

    async function answerOffer(
        manager: EntityManager,
        disputeId: number,
        offerId: number,
        accept: boolean,
        input: PartyActionInput,
        actor: DisputeActor
    ) {
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
        const now = clock.now();
        await manager
            .getRepository(Offer)
            .update({ id: offerId }, { status: accept ? 'accepted' : 'rejected', respondedAt: now });
        await applyTransition(manager, dispute, action, actor, {
            changes: accept ? { resolution: 'agreement', offerAccepted: true } : {},
            note: input.note ?? null,
            details: { offerId, solution: offer.solution, amount: offer.amount, currency: offer.currency },
            at: now,
        });
        return disputeView(manager, disputeId);
    }

    return {
        /** A seller's offer; the seller's first answer moves an opened dispute to negotiating. */
        async sellerOffer(
            manager: EntityManager,
            disputeId: number,
            input: SellerOfferInput,
            actor: DisputeActor
        ) {
            const dispute = await lockDispute(manager, disputeId);
            assertAllowed(dispute, 'seller_offer', actor);
            const order = await manager.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
            const problem = amountProblem(input.solution, input.amount, order.total);
            if (problem) throw badRequest(`The offer amount ${problem}`, { amount: problem });
            const now = clock.now();
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
                details: {
                    offerId,
                    solution: input.solution,
                    amount: input.amount,
                    currency: dispute.currency,
                },
                at: now,
            });
            return offerView(await offers.findOneByOrFail({ id: offerId }));
        },

        accept: (
            m: EntityManager,
            id: number,
            offerId: number,
            input: PartyActionInput,
            actor: DisputeActor
        ) => answerOffer(m, id, offerId, true, input, actor),

        reject: (
            m: EntityManager,
            id: number,
            offerId: number,
            input: PartyActionInput,
            actor: DisputeActor
        ) => answerOffer(m, id, offerId, false, input, actor),

        /** To the platform's queue, from policy.buyerEscalationAfterDays after opening. */
        async escalate(
            manager: EntityManager,
            disputeId: number,
            input: PartyActionInput,
            actor: DisputeActor
        ) {
            const dispute = await lockDispute(manager, disputeId);
            assertAllowed(dispute, 'escalate', actor);
            const now = clock.now();
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
            return disputeView(manager, disputeId);
        },

        /** The buyer is satisfied: any state before a ruling ends as withdrawn. */
        async withdraw(
            manager: EntityManager,
            disputeId: number,
            input: PartyActionInput,
            actor: DisputeActor
        ) {
            const dispute = await lockDispute(manager, disputeId);
            assertAllowed(dispute, 'withdraw', actor);
            const now = clock.now();
            await supersedePendingOffers(manager, disputeId);
            await manager
                .getRepository(EvidenceRequest)
                .update({ disputeId, status: 'open' }, { status: 'cancelled' });
            await applyTransition(manager, dispute, 'withdraw', actor, {
                changes: { resolution: 'withdrawn', assigneeId: null, assignedAt: null, slaPausedAt: null },
                note: input.note ?? null,
                details: { previousAssigneeId: dispute.assigneeId },
                at: now,
            });
            return disputeView(manager, disputeId);
        },

        /** Back to opened while the order is protected; never after accepting the seller's offer. */
        async reopen(
            manager: EntityManager,
            disputeId: number,
            input: PartyActionInput,
            actor: DisputeActor
        ) {
            const dispute = await lockDispute(manager, disputeId);
            assertAllowed(dispute, 'reopen', actor);
            if (dispute.offerAccepted) {
                throw unprocessable(`Dispute ${disputeId} cannot reopen after accepting the seller's offer`);
            }
            const now = clock.now();
            const order = await lockOrder(manager, dispute.orderId);
            if (now >= order.protectionEndsAt) {
                throw unprocessable(
                    `Dispute ${disputeId} cannot reopen: the protection of order ${order.externalId} ` +
                        `expired on ${order.protectionEndsAt.toISOString()}`
                );
            }
            const buyer = await manager.getRepository(Buyer).findOneByOrFail({ id: dispute.buyerId });
            if (buyer.blocked)
                throw unprocessable(`Buyer ${buyer.externalId} is blocked from opening disputes`);
            await assertNoOtherOpenDispute(manager, order, disputeId);
            await supersedePendingOffers(manager, disputeId);
            await applyTransition(manager, dispute, 'reopen', actor, {
                changes: {
                    openedAt: now,
                    reopenCount: dispute.reopenCount + 1,
                    resolution: null,
                    sellerRespondedAt: null,
                    escalatedAt: null,
                    decidedAt: null,
                    closedAt: null,
                    assigneeId: null,
                    assignedAt: null,
                    slaDueAt: null,
                    slaHardDueAt: null,
                    slaPausedAt: null,
                    slaTargetBreachedAt: null,
                    slaHardBreachedAt: null,
                },
                note: input.note ?? null,
                details: { reopenCount: dispute.reopenCount + 1 },
                at: now,
            });
            return disputeView(manager, disputeId);
        },
    };
}
