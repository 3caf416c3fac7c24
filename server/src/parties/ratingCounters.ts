/**
 * Which rating counters a dispute's transition moves, so that the recorder writes them with the
 * transition: the buyer's escalations and disputes kept open after being satisfied, the seller's
 * timeouts and accepted offers. (Openings and ruling outcomes name their counters themselves.)
 */
import type { EntityManager } from 'typeorm';
import type { DisputeAction } from '../../../shared/lifecycle';
import { Buyer, Dispute, Offer, Seller } from '../entities';
import type { CounterChange } from '../disputes/recorder';
import type { DisputeActor } from '../disputes/disputeActor';

const returnsGoods = (solution: string) => solution.endsWith('_return');

/**
 * An offer that gives the buyer all they asked for: at least the amount claimed, and no return
 * of the goods unless the claim offered one.
 */
export function satisfies(
    dispute: Pick<Dispute, 'requestedAmount' | 'requestedSolution'>,
    offer: Offer
): boolean {
    return (
        (offer.amount ?? 0) >= dispute.requestedAmount &&
        (!returnsGoods(offer.solution) || returnsGoods(dispute.requestedSolution))
    );
}

async function satisfyingOffers(manager: EntityManager, dispute: Dispute) {
    const offers = await manager.getRepository(Offer).findBy({ disputeId: dispute.id, party: 'seller' });
    return offers.filter((offer) => satisfies(dispute, offer));
}

/**
 * The buyer keeps the dispute open although satisfied: rejects an offer of all they asked for, or
 * escalates while one is pending. Counted once per dispute (the first time).
 */
async function keptOpen(manager: EntityManager, dispute: Dispute, action: DisputeAction): Promise<boolean> {
    if (action !== 'reject_offer' && action !== 'escalate') return false;
    const offers = await satisfyingOffers(manager, dispute);
    const rejected = offers.filter((offer) => offer.status === 'rejected').length;
    const pending = offers.some((offer) => offer.status === 'pending');
    // The offer a rejection answers is already marked rejected when the transition is recorded.
    return action === 'reject_offer' ? rejected === 1 : pending && rejected === 0;
}

export async function ratingCounters(
    manager: EntityManager,
    dispute: Dispute,
    action: DisputeAction,
    actor: DisputeActor
): Promise<CounterChange[]> {
    const buyer = (column: CounterChange['column']): CounterChange => ({
        entity: Buyer,
        id: dispute.buyerId,
        column,
        by: 1,
    });
    const seller = (column: CounterChange['column']): CounterChange => ({
        entity: Seller,
        id: dispute.sellerId,
        column,
        by: 1,
    });
    const counters: CounterChange[] = [];
    if (action === 'escalate' && actor.kind === 'buyer') counters.push(buyer('escalationsCount'));
    if (actor.kind === 'buyer' && (await keptOpen(manager, dispute, action)))
        counters.push(buyer('penaltyCount'));
    if (action === 'seller_timeout') counters.push(seller('sellerTimeoutCount'));
    if (action === 'accept_offer') counters.push(seller('offersAcceptedCount'));
    return counters;
}
