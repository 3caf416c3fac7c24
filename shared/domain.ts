/** Vocabulary of the dispute domain: every enumerated value the wire and the database use. */

export const DISPUTE_STATUSES = [
    'opened',
    'negotiating',
    'escalated',
    'in_review',
    'awaiting_evidence',
    'pending_approval',
    'decided',
    'closed',
    'resolved',
    'withdrawn',
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const NOT_RECEIVED_REASONS = [
    'not_delivered_protection_ending',
    'tracking_not_updated',
    'returned_to_sender',
    'delivered_to_wrong_address',
    'held_by_customs',
] as const;

export const RECEIVED_REASONS = [
    'defective',
    'not_as_described',
    'counterfeit',
    'wrong_size',
    'wrong_color',
    'damaged_in_transit',
    'low_quality',
    'quantity_short',
    'missing_parts',
] as const;

export const DISPUTE_REASONS = [...NOT_RECEIVED_REASONS, ...RECEIVED_REASONS] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

export const REQUESTED_SOLUTIONS = [
    'full_refund_keep',
    'partial_refund_keep',
    'full_refund_return',
    'partial_refund_return',
] as const;
export type RequestedSolution = (typeof REQUESTED_SOLUTIONS)[number];

export const PAYMENT_METHODS = ['card', 'e_wallet', 'cash_sms'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Where a refund goes: always back to the original payment method. */
export const REFUND_DESTINATIONS = ['card', 'e_wallet', 'mobile_balance'] as const;
export type RefundDestination = (typeof REFUND_DESTINATIONS)[number];

export function refundDestinationFor(method: PaymentMethod): RefundDestination {
    return method === 'cash_sms' ? 'mobile_balance' : method;
}

export const ROLES = ['support', 'mediator', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const PARTIES = ['buyer', 'seller'] as const;
export type Party = (typeof PARTIES)[number];

export const OFFER_STATUSES = ['pending', 'accepted', 'rejected', 'superseded'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const MESSAGE_AUTHOR_KINDS = ['buyer', 'seller', 'staff', 'system'] as const;
export type MessageAuthorKind = (typeof MESSAGE_AUTHOR_KINDS)[number];

/** `both` = both parties see it; `buyer`/`seller` = only that party; `internal` = staff only. */
export const MESSAGE_VISIBILITIES = ['both', 'buyer', 'seller', 'internal'] as const;
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];

export const ATTACHMENT_KINDS = ['image', 'video', 'pdf'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_UPLOADERS = ['buyer', 'seller', 'staff'] as const;
export type AttachmentUploader = (typeof ATTACHMENT_UPLOADERS)[number];

/** `unreadable` offers to ask the party again (a new evidence request). */
export const REVIEW_STATUSES = ['pending', 'relevant', 'not_relevant', 'unreadable'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const EVIDENCE_REQUEST_TARGETS = ['buyer', 'seller', 'both'] as const;
export type EvidenceRequestTarget = (typeof EVIDENCE_REQUEST_TARGETS)[number];

export const EVIDENCE_REQUEST_STATUSES = ['open', 'fulfilled', 'expired', 'cancelled'] as const;
export type EvidenceRequestStatus = (typeof EVIDENCE_REQUEST_STATUSES)[number];

export const DECISION_STATUSES = ['draft', 'pending_approval', 'issued', 'rejected', 'overturned'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const OUTCOMES = ['full_refund', 'partial_refund', 'no_refund'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcome of a ruling, derived from its refund: the one place this is decided. */
export function outcomeOf(refundAmount: number, orderTotal: number): Outcome {
    if (refundAmount <= 0) return 'no_refund';
    return refundAmount >= orderTotal ? 'full_refund' : 'partial_refund';
}

/** The refund as a whole percentage of the order total (0 for an order of nothing). */
export function refundPercentOf(refundAmount: number, orderTotal: number): number {
    return orderTotal > 0 ? Math.round((refundAmount * 100) / orderTotal) : 0;
}

/** What an outcome means for each party's record: full → buyer won, none → seller won. */
export const OUTCOME_COUNTERS: Record<Outcome, { buyer: BuyerOutcomeCounter; seller: SellerOutcomeCounter }> =
    {
        full_refund: { buyer: 'disputesWonCount', seller: 'disputesLostCount' },
        partial_refund: { buyer: 'disputesPartialCount', seller: 'disputesPartialCount' },
        no_refund: { buyer: 'disputesLostCount', seller: 'disputesWonCount' },
    };
export type BuyerOutcomeCounter = 'disputesWonCount' | 'disputesPartialCount' | 'disputesLostCount';
export type SellerOutcomeCounter = 'disputesWonCount' | 'disputesPartialCount' | 'disputesLostCount';

/** `cancelled`: the ruling it carried out was overturned before the refund was paid. */
export const REFUND_STATUSES = ['requested', 'completed', 'failed', 'cancelled'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** How a dispute that ended without a ruling ended. */
export const RESOLUTIONS = ['seller_timeout', 'agreement', 'withdrawn', 'ruling'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** `dead`: every retry failed (dead-lettered); a supervisor may replay it. */
export const OUTBOX_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const WEBHOOK_EVENT_TYPES = [
    'evidence.requested',
    'dispute.decided',
    'dispute.overturned',
    'refund.requested',
    'refund.cancelled',
    'dispute.closed',
    'dispute.resolved',
    'evidence.reminder',
    'message.posted',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
