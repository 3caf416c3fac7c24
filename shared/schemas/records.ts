/**
 * The records the console API (`/api`) sends, one schema per resource: the field names of the
 * server's resource tables (server/src/…Resource(s).ts), dates as ISO strings, numbers and booleans
 * as JSON numbers and booleans. The client uses the inferred types; test/api/records.test.ts holds
 * every resource table and every record the API sends to these schemas.
 */
import { z } from 'zod';
import {
    DISPUTE_REASONS,
    DISPUTE_STATUSES,
    OUTBOX_STATUSES,
    PARTIES,
    PAYMENT_METHODS,
    REQUESTED_SOLUTIONS,
    RESOLUTIONS,
    ROLES,
    WEBHOOK_EVENT_TYPES,
} from '../domain';

import {
    attachmentRecordSchema,
    decisionRecordSchema,
    disputeEventRecordSchema,
    evidenceRequestRecordSchema,
    messageRecordSchema,
    offerRecordSchema,
    refundRecordSchema,
} from './caseFileRecords';
import { qaReviewRecordSchema } from './qa';
import { int, isoDate, json, text } from './recordFields';

export * from './caseFileRecords';

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
    refundOverdueAt: isoDate.nullable(),
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
    /** Other disputes holding a copy of one of its files (lists and GET by id; not workflow answers). */
    reusedEvidenceIn: z.array(int).optional(),
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
    /** Rating figures (shared/reputation.ts). */
    disputes90dCount: int,
    disputeRatePermille: int,
    disputesWonCount: int,
    disputesPartialCount: int,
    disputesLostCount: int,
    escalationsCount: int,
    /** Disputes kept open after being satisfied. */
    penaltyCount: int,
    score: int,
    rating: int,
    flagged: z.boolean(),
    flagReason: text.nullable(),
    blocked: z.boolean(),
    blockReason: text.nullable(),
    blockedAt: isoDate.nullable(),
    blockedById: int.nullable(),
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
    /** Rating figures (shared/reputation.ts). */
    disputeRatePermille: int,
    disputesLostCount: int,
    disputesPartialCount: int,
    disputesWonCount: int,
    sellerTimeoutCount: int,
    offersAcceptedCount: int,
    score: int,
    createdAt: isoDate,
});
export type Seller = z.infer<typeof sellerRecordSchema>;

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

/** `outbox-events`: an event for the marketplace and where its delivery stands. */
export const outboxEventRecordSchema = z.strictObject({
    id: int,
    type: z.enum(WEBHOOK_EVENT_TYPES),
    disputeId: int.nullable(),
    /** buyer, seller, or null for both. */
    audience: z.enum(PARTIES).nullable(),
    payload: json,
    status: z.enum(OUTBOX_STATUSES),
    attempts: int,
    nextAttemptAt: isoDate,
    lastError: text.nullable(),
    deliveredAt: isoDate.nullable(),
    createdAt: isoDate,
});
export type OutboxEvent = z.infer<typeof outboxEventRecordSchema>;

/** `webhook-deliveries`: one attempt to deliver an outbox event, with the receiver's answer. */
export const webhookDeliveryRecordSchema = z.strictObject({
    id: int,
    outboxEventId: int,
    attempt: int,
    responseStatus: int.nullable(),
    error: text.nullable(),
    responseBody: text.nullable(),
    durationMs: int,
    attemptedAt: isoDate,
});
export type WebhookDelivery = z.infer<typeof webhookDeliveryRecordSchema>;

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
    'outbox-events': outboxEventRecordSchema,
    'webhook-deliveries': webhookDeliveryRecordSchema,
    'qa-reviews': qaReviewRecordSchema,
} as const;
export type ResourceName = keyof typeof RECORD_SCHEMAS;
