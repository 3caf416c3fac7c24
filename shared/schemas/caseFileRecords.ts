/**
 * The records of one dispute's case file as the console API sends them (messages, offers,
 * evidence, requests, lifecycle events, rulings, refunds) and the timeline that interleaves them.
 */
import { z } from 'zod';
import {
    ATTACHMENT_KINDS,
    ATTACHMENT_UPLOADERS,
    DECISION_STATUSES,
    DISPUTE_REASONS,
    DISPUTE_STATUSES,
    EVIDENCE_REQUEST_STATUSES,
    EVIDENCE_REQUEST_TARGETS,
    MESSAGE_AUTHOR_KINDS,
    MESSAGE_VISIBILITIES,
    OFFER_STATUSES,
    OUTCOMES,
    PARTIES,
    REFUND_DESTINATIONS,
    REFUND_STATUSES,
    REQUESTED_SOLUTIONS,
    REVIEW_STATUSES,
} from '../domain';
import { int, isoDate, text } from './recordFields';

export const messageRecordSchema = z.strictObject({
    id: int,
    disputeId: int,
    authorKind: z.enum(MESSAGE_AUTHOR_KINDS),
    authorStaffId: int.nullable(),
    visibility: z.enum(MESSAGE_VISIBILITIES),
    body: text,
    createdAt: isoDate,
    authorName: text.nullable(),
    /** ISO 639-1, told from the text on the server; null when too short or unclear. */
    language: z.string().length(2).nullable(),
});
export type Message = z.infer<typeof messageRecordSchema>;

export const offerRecordSchema = z.strictObject({
    id: int,
    disputeId: int,
    party: z.enum(PARTIES),
    solution: z.enum(REQUESTED_SOLUTIONS),
    amount: int,
    currency: text,
    note: text.nullable(),
    status: z.enum(OFFER_STATUSES),
    respondedAt: isoDate.nullable(),
    createdAt: isoDate,
});
export type Offer = z.infer<typeof offerRecordSchema>;

export const attachmentRecordSchema = z.strictObject({
    id: int,
    disputeId: int,
    uploadedBy: z.enum(ATTACHMENT_UPLOADERS),
    uploaderStaffId: int.nullable(),
    kind: z.enum(ATTACHMENT_KINDS),
    fileName: text,
    mimeType: text,
    size: int,
    sha256: text,
    reviewStatus: z.enum(REVIEW_STATUSES),
    reviewerId: int.nullable(),
    reviewNote: text.nullable(),
    reviewedAt: isoDate.nullable(),
    createdAt: isoDate,
    /** The same file (exact) or a near-identical picture (similar) filed in other disputes. */
    reusedIn: z.array(
        z.strictObject({
            attachmentId: int,
            disputeId: int,
            match: z.enum(['exact', 'similar']),
            distance: int,
        })
    ),
});
export type Attachment = z.infer<typeof attachmentRecordSchema>;

export const evidenceRequestRecordSchema = z.strictObject({
    id: int,
    disputeId: int,
    requestedFrom: z.enum(EVIDENCE_REQUEST_TARGETS),
    requestedById: int.nullable(),
    message: text,
    dueAt: isoDate,
    status: z.enum(EVIDENCE_REQUEST_STATUSES),
    buyerAnswered: z.boolean(),
    sellerAnswered: z.boolean(),
    fulfilledAt: isoDate.nullable(),
    createdAt: isoDate,
});
export type EvidenceRequest = z.infer<typeof evidenceRequestRecordSchema>;

export const disputeEventRecordSchema = z.strictObject({
    id: int,
    disputeId: int,
    action: text,
    fromStatus: z.enum(DISPUTE_STATUSES).nullable(),
    toStatus: z.enum(DISPUTE_STATUSES),
    actorKind: text,
    actorStaffId: int.nullable(),
    note: text.nullable(),
    occurredAt: isoDate,
    actorName: text.nullable(),
});
export type DisputeEvent = z.infer<typeof disputeEventRecordSchema>;

export const decisionRecordSchema = z.strictObject({
    id: int,
    disputeId: int,
    mediatorId: int,
    refundAmount: int,
    orderTotal: int.nullable(),
    refundPercent: int.nullable(),
    hoursToDecision: int.nullable(),
    slaBreached: z.boolean(),
    reason: z.enum(DISPUTE_REASONS).nullable(),
    goodsReceived: z.boolean().nullable(),
    currency: text,
    outcome: z.enum(OUTCOMES),
    returnRequired: z.boolean(),
    returnShippingPaidBy: z.enum(PARTIES).nullable(),
    rationaleBuyer: text,
    rationaleSeller: text,
    evidenceIds: z.array(int).nullable(),
    status: z.enum(DECISION_STATUSES),
    approverId: int.nullable(),
    approvedAt: isoDate.nullable(),
    approvalComment: text.nullable(),
    rejectionReason: text.nullable(),
    overturnReason: text.nullable(),
    overturnedById: int.nullable(),
    supersedesId: int.nullable(),
    issuedAt: isoDate.nullable(),
    returnTrackingNumber: text.nullable(),
    returnCarrier: text.nullable(),
    returnShippedAt: isoDate.nullable(),
    createdAt: isoDate,
    mediatorName: text.nullable(),
    approverName: text.nullable(),
});
export type Decision = z.infer<typeof decisionRecordSchema>;

export const refundRecordSchema = z.strictObject({
    id: int,
    disputeId: int,
    decisionId: int.nullable(),
    amount: int,
    currency: text,
    destination: z.enum(REFUND_DESTINATIONS),
    status: z.enum(REFUND_STATUSES),
    requestedAt: isoDate,
    dueBy: isoDate,
    completedAt: isoDate.nullable(),
    createdAt: isoDate,
    reference: text.nullable(),
    overdueAt: isoDate.nullable(),
    overdue: z.boolean(),
});
export type Refund = z.infer<typeof refundRecordSchema>;

const timelineEntry = <K extends string, R extends z.ZodType>(kind: K, record: R) =>
    z.strictObject({ id: text, kind: z.literal(kind), at: isoDate, record });

/** One entry of GET /api/disputes/:id/timeline, oldest first. */
export const timelineEntrySchema = z.discriminatedUnion('kind', [
    timelineEntry('message', messageRecordSchema),
    timelineEntry('offer', offerRecordSchema),
    timelineEntry('attachment', attachmentRecordSchema),
    timelineEntry('evidence_request', evidenceRequestRecordSchema),
    timelineEntry('decision', decisionRecordSchema),
    timelineEntry('event', disputeEventRecordSchema),
]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
