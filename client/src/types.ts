/** Records as the console API sends them (see server/src/…Resource(s).ts): dates are ISO strings. */
import type { RaRecord } from 'react-admin';
import type {
    AttachmentKind,
    AttachmentUploader,
    DecisionStatus,
    DisputeReason,
    DisputeStatus,
    EvidenceRequestStatus,
    EvidenceRequestTarget,
    MessageAuthorKind,
    MessageVisibility,
    OfferStatus,
    Outcome,
    Party,
    PaymentMethod,
    RefundDestination,
    RefundStatus,
    RequestedSolution,
    Resolution,
    ReviewStatus,
    Role,
} from '../../shared/domain';

type IsoDate = string;

export interface Dispute extends RaRecord<number> {
    orderId: number;
    buyerId: number;
    sellerId: number;
    goodsReceived: boolean;
    reason: DisputeReason;
    requestedSolution: RequestedSolution;
    requestedAmount: number;
    currency: string;
    description: string;
    status: DisputeStatus;
    resolution: Resolution | null;
    openedAt: IsoDate;
    sellerRespondedAt: IsoDate | null;
    escalatedAt: IsoDate | null;
    decidedAt: IsoDate | null;
    closedAt: IsoDate | null;
    assigneeId: number | null;
    assignedAt: IsoDate | null;
    slaDueAt: IsoDate | null;
    slaHardDueAt: IsoDate | null;
    slaPausedAt: IsoDate | null;
    slaTargetBreachedAt: IsoDate | null;
    slaHardBreachedAt: IsoDate | null;
    offerAccepted: boolean;
    reopenCount: number;
    version: number;
    createdAt: IsoDate;
    updatedAt: IsoDate;
    orderExternalId: string;
    productTitle: string;
    orderTotal: number;
    paymentMethod: PaymentMethod;
    buyerName: string;
    buyerCountry: string;
    buyerFlagged: boolean;
    sellerName: string;
    assigneeName: string | null;
}

export interface Order extends RaRecord<number> {
    externalId: string;
    buyerId: number;
    sellerId: number;
    productTitle: string;
    quantity: number;
    unitPrice: number;
    total: number;
    currency: string;
    paymentMethod: PaymentMethod;
    shippedAt: IsoDate | null;
    trackingNumber: string | null;
    completedAt: IsoDate | null;
    protectionEndsAt: IsoDate;
    createdAt: IsoDate;
    buyerName: string;
    sellerName: string;
}

export interface Buyer extends RaRecord<number> {
    externalId: string;
    name: string;
    country: string;
    ordersCount: number;
    disputesCount: number;
    disputesWonCount: number;
    penaltyCount: number;
    rating: number;
    flagged: boolean;
    flagReason: string | null;
    blocked: boolean;
    blockReason: string | null;
    createdAt: IsoDate;
}

export interface Seller extends RaRecord<number> {
    externalId: string;
    storeName: string;
    country: string;
    positiveFeedbackPermille: number;
    ordersCount: number;
    disputesCount: number;
    disputesLostCount: number;
    createdAt: IsoDate;
}

export interface Message extends RaRecord<number> {
    disputeId: number;
    authorKind: MessageAuthorKind;
    authorStaffId: number | null;
    authorName: string | null;
    visibility: MessageVisibility;
    body: string;
    createdAt: IsoDate;
}

export interface Offer extends RaRecord<number> {
    disputeId: number;
    party: Party;
    solution: RequestedSolution;
    amount: number;
    currency: string;
    note: string | null;
    status: OfferStatus;
    respondedAt: IsoDate | null;
    createdAt: IsoDate;
}

export interface Attachment extends RaRecord<number> {
    disputeId: number;
    uploadedBy: AttachmentUploader;
    uploaderStaffId: number | null;
    kind: AttachmentKind;
    fileName: string;
    mimeType: string;
    size: number;
    sha256: string;
    reviewStatus: ReviewStatus;
    reviewerId: number | null;
    reviewNote: string | null;
    reviewedAt: IsoDate | null;
    createdAt: IsoDate;
}

export interface EvidenceRequest extends RaRecord<number> {
    disputeId: number;
    requestedFrom: EvidenceRequestTarget;
    requestedById: number | null;
    message: string;
    dueAt: IsoDate;
    status: EvidenceRequestStatus;
    buyerAnswered: boolean;
    sellerAnswered: boolean;
    fulfilledAt: IsoDate | null;
    createdAt: IsoDate;
}

export interface DisputeEvent extends RaRecord<number> {
    disputeId: number;
    action: string;
    fromStatus: DisputeStatus | null;
    toStatus: DisputeStatus;
    actorKind: string;
    actorStaffId: number | null;
    actorName: string | null;
    note: string | null;
    occurredAt: IsoDate;
}

export interface Decision extends RaRecord<number> {
    disputeId: number;
    mediatorId: number;
    mediatorName: string | null;
    refundAmount: number;
    currency: string;
    outcome: Outcome;
    returnRequired: boolean;
    returnShippingPaidBy: Party | null;
    rationaleBuyer: string;
    rationaleSeller: string;
    evidenceIds: number[] | null;
    status: DecisionStatus;
    approverId: number | null;
    approverName: string | null;
    approvedAt: IsoDate | null;
    rejectionReason: string | null;
    overturnReason: string | null;
    overturnedById: number | null;
    supersedesId: number | null;
    issuedAt: IsoDate | null;
    createdAt: IsoDate;
}

export interface Refund extends RaRecord<number> {
    disputeId: number;
    decisionId: number | null;
    amount: number;
    currency: string;
    destination: RefundDestination;
    status: RefundStatus;
    requestedAt: IsoDate;
    dueBy: IsoDate;
    completedAt: IsoDate | null;
    createdAt: IsoDate;
}

export interface AuditEvent extends RaRecord<number> {
    occurredAt: IsoDate;
    actorId: number | null;
    actorRole: string;
    action: string;
    entity: string;
    entityId: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    requestId: string | null;
    ip: string | null;
    outcome: string;
    prevHash: string;
    hash: string;
}

/** GET /api/audit-events/verify: the hash chain walked from the first event. */
export interface AuditChainReport {
    ok: boolean;
    checked: number;
    firstBrokenId: number | null;
}

export interface Staff extends RaRecord<number> {
    email: string;
    fullName: string;
    role: Role;
    active: boolean;
    lockedUntil: IsoDate | null;
    createdAt: IsoDate;
    updatedAt: IsoDate;
}

/** One entry of GET /api/disputes/:id/timeline, oldest first. */
export type TimelineEntry =
    | { id: string; kind: 'message'; at: IsoDate; record: Message }
    | { id: string; kind: 'offer'; at: IsoDate; record: Offer }
    | { id: string; kind: 'attachment'; at: IsoDate; record: Attachment }
    | { id: string; kind: 'evidence_request'; at: IsoDate; record: EvidenceRequest }
    | { id: string; kind: 'decision'; at: IsoDate; record: Decision }
    | { id: string; kind: 'event'; at: IsoDate; record: DisputeEvent };

export type TimelineKind = TimelineEntry['kind'];
