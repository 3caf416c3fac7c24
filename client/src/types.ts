/** The records the console API sends: declared once, in shared/schemas/records.ts. */
export type {
    Attachment,
    AuditEvent,
    Buyer,
    Decision,
    Dispute,
    DisputeEvent,
    EvidenceRequest,
    Message,
    Offer,
    Order,
    Refund,
    Seller,
    Staff,
    TimelineEntry,
} from '../../shared/schemas/records';

/** GET /api/audit-events/verify: the keyed chain walked from the first event, against its anchors. */
export interface AuditChainReport {
    ok: boolean;
    checked: number;
    anchoredTo: number | null;
    firstBroken: { id: number; reason: string } | null;
}
