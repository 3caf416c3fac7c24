/**
 * The records the console API (`/api`) sends, one schema per resource: the field names of the
 * server's resource tables (server/src/…Resource(s).ts), dates as ISO strings, numbers and booleans
 * as JSON numbers and booleans. The client uses the inferred types; test/api/records.test.ts holds
 * every resource table and every record the API sends to these schemas.
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
    PAYMENT_METHODS,
    REFUND_DESTINATIONS,
    REFUND_STATUSES,
    REQUESTED_SOLUTIONS,
    RESOLUTIONS,
    REVIEW_STATUSES,
    ROLES,
} from '../domain';

const int = z.number().int();
const isoDate = z.iso.datetime();
const text = z.string();
const json = z.record(z.string(), z.unknown());

export const disputeRecordSchema = z.strictObject({
    id: int,
    orderId: int,
    buyerId: int,
    sellerId: int,
    goodsReceived: z.boolean(),
    reason: z.enum(DISPUTE_REASONS),
    requestedSolution: z.enum(REQUESTED_SOLUTIONS),
    requestedAmount: int,
    currency: text,
    description: text,
    status: z.enum(DISPUTE_STATUSES),
    resolution: z.enum(RESOLUTIONS).nullable(),
    openedAt: isoDate,
    sellerRespondedAt: isoDate.nullable(),
    escalatedAt: isoDate.nullable(),
    decidedAt: isoDate.nullable(),
    closedAt: isoDate.nullable(),
    assigneeId: int.nullable(),
    assignedAt: isoDate.nullable(),
    slaDueAt: isoDate.nullable(),
    slaHardDueAt: isoDate.nullable(),
    slaPausedAt: isoDate.nullable(),
    slaTargetBreachedAt: isoDate.nullable(),
    slaHardBreachedAt: isoDate.nullable(),
    offerAccepted: z.boolean(),
    reopenCount: int,
    version: int,
    createdAt: isoDate,
    updatedAt: isoDate,
    orderExternalId: text,
    productTitle: text,
    orderTotal: int,
    paymentMethod: z.enum(PAYMENT_METHODS),
    buyerName: text,
    buyerCountry: text,
    buyerFlagged: z.boolean(),
    sellerName: text,
    assigneeName: text.nullable(),
});
export type Dispute = z.infer<typeof disputeRecordSchema>;

export const orderRecordSchema = z.strictObject({
    id: int,
    externalId: text,
    buyerId: int,
    sellerId: int,
    productTitle: text,
    quantity: int,
    unitPrice: int,
    total: int,
    currency: text,
    paymentMethod: z.enum(PAYMENT_METHODS),
    shippedAt: isoDate.nullable(),
    trackingNumber: text.nullable(),
    completedAt: isoDate.nullable(),
    protectionEndsAt: isoDate,
    createdAt: isoDate,
    buyerName: text,
    sellerName: text,
});
export type Order = z.infer<typeof orderRecordSchema>;

export const buyerRecordSchema = z.strictObject({
    id: int,
    externalId: text,
    name: text,
    country: text,
    ordersCount: int,
    disputesCount: int,
    disputesWonCount: int,
    penaltyCount: int,
    rating: int,
    flagged: z.boolean(),
    flagReason: text.nullable(),
    blocked: z.boolean(),
    blockReason: text.nullable(),
    createdAt: isoDate,
});
export type Buyer = z.infer<typeof buyerRecordSchema>;

export const sellerRecordSchema = z.strictObject({
    id: int,
    externalId: text,
    storeName: text,
    country: text,
    positiveFeedbackPermille: int,
    ordersCount: int,
    disputesCount: int,
    disputesLostCount: int,
    createdAt: isoDate,
});
export type Seller = z.infer<typeof sellerRecordSchema>;

export const messageRecordSchema = z.strictObject({
    id: int,
    disputeId: int,
    authorKind: z.enum(MESSAGE_AUTHOR_KINDS),
    authorStaffId: int.nullable(),
    visibility: z.enum(MESSAGE_VISIBILITIES),
    body: text,
    createdAt: isoDate,
    authorName: text.nullable(),
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
    rejectionReason: text.nullable(),
    overturnReason: text.nullable(),
    overturnedById: int.nullable(),
    supersedesId: int.nullable(),
    issuedAt: isoDate.nullable(),
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
});
export type Refund = z.infer<typeof refundRecordSchema>;

export const auditEventRecordSchema = z.strictObject({
    id: int,
    occurredAt: isoDate,
    actorId: int.nullable(),
    actorRole: text,
    action: text,
    entity: text,
    entityId: text.nullable(),
    before: json.nullable(),
    after: json.nullable(),
    requestId: text.nullable(),
    ip: text.nullable(),
    outcome: text,
    prevHash: text,
    hash: text,
});
export type AuditEvent = z.infer<typeof auditEventRecordSchema>;

export const staffRecordSchema = z.strictObject({
    id: int,
    email: text,
    fullName: text,
    role: z.enum(ROLES),
    active: z.boolean(),
    lockedUntil: isoDate.nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
});
export type Staff = z.infer<typeof staffRecordSchema>;

/** `staff-directory`: names every role may see (assignee, mediator), nothing more. */
export const staffDirectoryRecordSchema = z.strictObject({
    id: int,
    fullName: text,
    role: z.enum(ROLES),
    active: z.boolean(),
});
export type StaffDirectoryEntry = z.infer<typeof staffDirectoryRecordSchema>;

/** The schema of each console resource, by its name on the wire (`/api/<name>`). */
export const RECORD_SCHEMAS = {
    disputes: disputeRecordSchema,
    orders: orderRecordSchema,
    buyers: buyerRecordSchema,
    sellers: sellerRecordSchema,
    messages: messageRecordSchema,
    offers: offerRecordSchema,
    attachments: attachmentRecordSchema,
    'evidence-requests': evidenceRequestRecordSchema,
    'dispute-events': disputeEventRecordSchema,
    decisions: decisionRecordSchema,
    refunds: refundRecordSchema,
    'audit-events': auditEventRecordSchema,
    staff: staffRecordSchema,
    'staff-directory': staffDirectoryRecordSchema,
} as const;
export type ResourceName = keyof typeof RECORD_SCHEMAS;

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
