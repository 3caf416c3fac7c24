import type { EntityManager } from 'typeorm';
import type {
    IntegrationDispute,
    IntegrationOffer,
    IntegrationRefund,
} from '../../../shared/schemas/integration';
import { Dispute, Offer, type Refund } from '../entities';

function iso(date: Date | string | null | undefined): string | null {
    return date ? new Date(date).toISOString() : null;
}

/** The dispute as the marketplace sees it: with its external ids, without staff internals. */
export async function disputeView(manager: EntityManager, id: number): Promise<IntegrationDispute> {
    const d = await manager.getRepository(Dispute).findOneOrFail({
        where: { id },
        relations: { order: true, buyer: true, seller: true },
    });
    return {
        id: d.id,
        status: d.status,
        resolution: d.resolution,
        orderId: d.orderId,
        orderExternalId: d.order!.externalId,
        buyerId: d.buyerId,
        buyerExternalId: d.buyer!.externalId,
        sellerId: d.sellerId,
        sellerExternalId: d.seller!.externalId,
        goodsReceived: d.goodsReceived,
        reason: d.reason,
        requestedSolution: d.requestedSolution,
        requestedAmount: d.requestedAmount,
        currency: d.currency,
        description: d.description,
        openedAt: iso(d.openedAt)!,
        sellerRespondedAt: iso(d.sellerRespondedAt),
        escalatedAt: iso(d.escalatedAt),
        slaDueAt: iso(d.slaDueAt),
        slaHardDueAt: iso(d.slaHardDueAt),
        decidedAt: iso(d.decidedAt),
        closedAt: iso(d.closedAt),
        offerAccepted: d.offerAccepted,
        reopenCount: d.reopenCount,
        version: d.version,
    };
}

export function offerView(offer: Offer): IntegrationOffer {
    return {
        id: offer.id,
        disputeId: offer.disputeId,
        party: offer.party,
        solution: offer.solution,
        amount: offer.amount,
        currency: offer.currency,
        note: offer.note,
        status: offer.status,
        respondedAt: iso(offer.respondedAt),
        createdAt: iso(offer.createdAt)!,
    };
}

/** A refund as the marketplace sees it (and pays it out). */
export function refundView(refund: Refund): IntegrationRefund {
    return {
        id: refund.id,
        disputeId: refund.disputeId,
        decisionId: refund.decisionId,
        amount: refund.amount,
        currency: refund.currency,
        destination: refund.destination,
        status: refund.status,
        requestedAt: iso(refund.requestedAt)!,
        dueBy: iso(refund.dueBy)!,
        completedAt: iso(refund.completedAt),
        reference: refund.reference,
    };
}
