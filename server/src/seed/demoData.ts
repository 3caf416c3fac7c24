import type {
    AttachmentUploader,
    DisputeStatus,
    MessageAuthorKind,
    MessageVisibility,
    Party,
    RequestedSolution,
    ReviewStatus,
} from '../../../shared/domain';
import type { ActorKind, DisputeAction } from '../../../shared/lifecycle';
import type {
    Attachment,
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
} from '../entities';
import type { StoredFile } from './files';
import { nextId, type Queryable } from './sqlInsert';

export type OrderRow = Omit<Order, 'buyer' | 'seller'>;
export type DisputeRow = Omit<Dispute, 'order' | 'buyer' | 'seller' | 'assignee'>;

/** Every table the demo writes, in foreign-key order, with the rows to insert. */
export class DemoData {
    staff: Staff[] = [];
    buyers: Buyer[] = [];
    sellers: Seller[] = [];
    orders: OrderRow[] = [];
    disputes: DisputeRow[] = [];
    events: DisputeEvent[] = [];
    messages: Message[] = [];
    offers: Offer[] = [];
    attachments: Attachment[] = [];
    evidenceRequests: EvidenceRequest[] = [];
    decisions: Decision[] = [];
    refunds: Refund[] = [];

    private readonly ids = new Map<string, number>();

    static readonly TABLES = {
        staff: 'staff',
        buyers: 'buyer',
        sellers: 'seller',
        orders: 'order',
        disputes: 'dispute',
        events: 'dispute_event',
        messages: 'message',
        offers: 'offer',
        attachments: 'attachment',
        evidenceRequests: 'evidence_request',
        decisions: 'decision',
        refunds: 'refund',
    } as const;

    /** Ids continue after whatever the tables already hold. */
    async reserveIds(q: Queryable): Promise<void> {
        for (const table of Object.values(DemoData.TABLES)) this.ids.set(table, await nextId(q, table));
    }

    id(table: (typeof DemoData.TABLES)[keyof typeof DemoData.TABLES]): number {
        const id = this.ids.get(table) ?? 1;
        this.ids.set(table, id + 1);
        return id;
    }
}

/** One dispute being written: each step appends the rows a real transition would have left behind. */
export class DisputeStory {
    status: DisputeStatus | null = null;
    readonly attachments: Attachment[] = [];
    readonly offers: Offer[] = [];

    constructor(
        readonly data: DemoData,
        readonly dispute: DisputeRow,
        readonly order: OrderRow,
        readonly buyer: Buyer,
        readonly seller: Seller
    ) {}

    /** A lifecycle step from the current status to `to`. */
    move(
        at: Date,
        action: DisputeAction | 'open',
        to: DisputeStatus,
        actor: ActorKind,
        staffId: number | null = null,
        note?: string
    ) {
        this.data.events.push({
            id: this.data.id('dispute_event'),
            disputeId: this.dispute.id,
            action,
            fromStatus: this.status,
            toStatus: to,
            actorKind: actor,
            actorStaffId: staffId,
            note: note ?? null,
            occurredAt: at,
        });
        this.status = to;
        this.dispute.status = to;
        this.dispute.version += 1;
        this.dispute.updatedAt = at;
    }

    message(
        at: Date,
        authorKind: MessageAuthorKind,
        visibility: MessageVisibility,
        body: string,
        staffId?: number
    ) {
        this.data.messages.push({
            id: this.data.id('message'),
            disputeId: this.dispute.id,
            authorKind,
            authorStaffId: staffId ?? null,
            visibility,
            body,
            createdAt: at,
        });
    }

    attach(at: Date, uploadedBy: AttachmentUploader, file: StoredFile, staffId?: number): Attachment {
        const attachment: Attachment = {
            id: this.data.id('attachment'),
            disputeId: this.dispute.id,
            uploadedBy,
            uploaderStaffId: staffId ?? null,
            kind: file.kind,
            fileName: file.fileName,
            mimeType: file.mimeType,
            size: file.size,
            sha256: file.sha256,
            storageKey: file.key,
            reviewStatus: 'pending',
            reviewerId: null,
            reviewNote: null,
            reviewedAt: null,
            createdAt: at,
        };
        this.data.attachments.push(attachment);
        this.attachments.push(attachment);
        return attachment;
    }

    review(attachment: Attachment, at: Date, reviewerId: number, status: ReviewStatus, note?: string): void {
        Object.assign(attachment, {
            reviewStatus: status,
            reviewerId,
            reviewedAt: at,
            reviewNote: note ?? null,
        });
    }

    /** A new offer makes the pending ones moot, as in the integration API. */
    offer(at: Date, party: Party, solution: RequestedSolution, amount: number, note: string | null): Offer {
        for (const earlier of this.offers) if (earlier.status === 'pending') earlier.status = 'superseded';
        const offer: Offer = {
            id: this.data.id('offer'),
            disputeId: this.dispute.id,
            party,
            solution,
            amount,
            currency: this.order.currency,
            note,
            status: 'pending',
            respondedAt: null,
            createdAt: at,
        };
        this.data.offers.push(offer);
        this.offers.push(offer);
        return offer;
    }
}
