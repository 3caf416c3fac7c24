/**
 * What the parties are told when a dispute reaches an outcome: the outbox messages of a ruling, a
 * closing and a resolution without a ruling. Each party's payload carries only its own words.
 */
import type { Outcome, Resolution } from '../../../shared/domain';
import type { Decision, Dispute, Order, Refund } from '../entities';
import type { OutboxMessage } from '../outbox/outbox';

/** `dispute.decided` twice: the buyer's payload with the buyer's rationale, the seller's with theirs. */
export function decidedEvents(dispute: Dispute, order: Order, decision: Decision, at: Date): OutboxMessage[] {
    return (['buyer', 'seller'] as const).map((audience) => ({
        type: 'dispute.decided',
        disputeId: dispute.id,
        audience,
        payload: {
            disputeId: dispute.id,
            orderExternalId: order.externalId,
            decisionId: decision.id,
            outcome: decision.outcome,
            refundAmount: decision.refundAmount,
            currency: decision.currency,
            returnRequired: decision.returnRequired,
            returnShippingPaidBy: decision.returnShippingPaidBy,
            rationale: audience === 'buyer' ? decision.rationaleBuyer : decision.rationaleSeller,
            decidedAt: at.toISOString(),
        },
    }));
}

export function closedEvent(
    dispute: Dispute,
    order: Order,
    outcome: Outcome | null,
    at: Date
): OutboxMessage {
    return {
        type: 'dispute.closed',
        disputeId: dispute.id,
        audience: null,
        payload: {
            disputeId: dispute.id,
            orderExternalId: order.externalId,
            outcome,
            closedAt: at.toISOString(),
        },
    };
}

/** `dispute.resolved` to both parties: the dispute ended without a ruling (agreement, seller timeout). */
export function resolvedEvent(
    dispute: Dispute,
    order: Order,
    resolution: Resolution,
    refund: Refund | null,
    at: Date
): OutboxMessage {
    return {
        type: 'dispute.resolved',
        disputeId: dispute.id,
        audience: null,
        payload: {
            disputeId: dispute.id,
            orderExternalId: order.externalId,
            resolution,
            refundAmount: refund?.amount ?? null,
            currency: order.currency,
            resolvedAt: at.toISOString(),
        },
    };
}
