import type { EntityManager } from 'typeorm';
import type {
    AttachmentUploader,
    MessageAuthorKind,
    MessageVisibility,
    ReviewStatus,
} from '../../../shared/domain';
import { SLA_STATUSES, type DisputeAction } from '../../../shared/lifecycle';
import type { DisputeActor } from '../disputes/disputeActor';
import { flagSlaBreach, SLA_DEADLINES } from '../disputes/deadlines';
import { applyTransition, type TransitionOptions } from '../disputes/recorder';
import {
    Dispute,
    type Attachment,
    type Buyer,
    type Message,
    type Order,
    type Seller,
    type Staff,
} from '../entities';
import type { StoredFile } from './files';
import { nextId, type Queryable } from '../db/sqlInsert';

/** The rows the demo writes itself before any dispute: staff and the marketplace's parties. */
export class DemoData {
    staff: Staff[] = [];
    buyers: Buyer[] = [];
    sellers: Seller[] = [];
    /** Written after the disputes, in one go: no other record refers to a message. */
    messages: Omit<Message, 'id'>[] = [];
    /** Every demo file, with ids reserved up front; each story writes its own, before a ruling cites them. */
    attachments: Attachment[] = [];

    private readonly ids = new Map<string, number>();

    static readonly TABLES = { staff: 'staff', buyers: 'buyer', sellers: 'seller' } as const;

    /** Ids continue after whatever the tables already hold. */
    async reserveIds(q: Queryable): Promise<void> {
        for (const table of [...Object.values(DemoData.TABLES), 'order', 'attachment']) {
            this.ids.set(table, await nextId(q, table));
        }
    }

    /** The next id of a table the demo writes itself; for `order`, the serial of the order number. */
    id(table: (typeof DemoData.TABLES)[keyof typeof DemoData.TABLES] | 'order' | 'attachment'): number {
        const id = this.ids.get(table) ?? 1;
        this.ids.set(table, id + 1);
        return id;
    }
}

/**
 * One dispute being played, in its own transaction: every change of the dispute goes through the
 * domain's functions (or the recorder) at the story's simulated time; the records the domain has
 * no function for yet (messages, attachments) are written here.
 */
export class DisputeStory {
    readonly attachments: Attachment[] = [];

    constructor(
        readonly tx: EntityManager,
        readonly data: DemoData,
        public dispute: Dispute,
        readonly order: Order,
        readonly buyer: Buyer,
        readonly seller: Seller
    ) {}

    get id(): number {
        return this.dispute.id;
    }

    async reload(): Promise<void> {
        this.dispute = await this.tx.getRepository(Dispute).findOneByOrFail({ id: this.dispute.id });
    }

    /**
     * The SLA breaches the timer would have flagged by `until`, at the moments they happened:
     * called before every step, so that they take their place in the timeline.
     */
    async flagBreaches(until: Date): Promise<void> {
        for (const deadline of [SLA_DEADLINES.target, SLA_DEADLINES.hardLimit]) {
            const { status, slaPausedAt } = this.dispute;
            const due = this.dispute[deadline.due];
            if (!SLA_STATUSES.includes(status) || slaPausedAt || !due || this.dispute[deadline.flag])
                continue;
            if (due.getTime() > until.getTime()) continue;
            // When the deadline passed, or, for one that passed before an overturn brought the
            // dispute back under the SLA, at the timer's next run after that.
            const at = new Date(Math.max(due.getTime(), this.dispute.updatedAt.getTime()));
            await flagSlaBreach(this.tx, deadline, this.id, at);
            await this.reload();
        }
    }

    /** A domain operation at `at` (after the breaches due by then); the dispute is read back. */
    async act<T>(at: Date, operation: (tx: EntityManager) => Promise<T>): Promise<T> {
        await this.flagBreaches(at);
        const result = await operation(this.tx);
        await this.reload();
        return result;
    }

    /** A move through the lifecycle table that no domain function makes yet: straight to the recorder. */
    async move(
        at: Date,
        action: DisputeAction,
        actor: DisputeActor,
        options: Omit<TransitionOptions, 'at'> = {}
    ): Promise<void> {
        await this.flagBreaches(at);
        this.dispute = await applyTransition(this.tx, this.dispute, action, actor, { ...options, at });
    }

    message(
        at: Date,
        authorKind: MessageAuthorKind,
        visibility: MessageVisibility,
        body: string,
        staffId?: number
    ): void {
        this.data.messages.push({
            disputeId: this.id,
            authorKind,
            authorStaffId: staffId ?? null,
            visibility,
            body,
            createdAt: at,
        });
    }

    attach(at: Date, uploadedBy: AttachmentUploader, file: StoredFile, staffId?: number): void {
        const attachment: Attachment = {
            id: this.data.id('attachment'),
            disputeId: this.id,
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
            dhash: null,
            dhashBand0: null,
            dhashBand1: null,
            dhashBand2: null,
            dhashBand3: null,
        };
        this.data.attachments.push(attachment);
        this.attachments.push(attachment);
    }

    review(attachment: Attachment, at: Date, reviewerId: number, status: ReviewStatus, note?: string): void {
        Object.assign(attachment, {
            reviewStatus: status,
            reviewerId,
            reviewedAt: at,
            reviewNote: note ?? null,
        });
    }
}
