/**
 * Evidence files of a dispute: adding an upload that `uploads.ts` read to storage, and the review
 * of a file. Domain operations: they take the edge's transaction and never open one.
 */
import { In, type EntityManager } from 'typeorm';
import type { AttachmentKind, Party, ReviewStatus } from '../../../shared/domain';
import { FINAL_STATUSES } from '../../../shared/lifecycle';
import type { Policy } from '../../../shared/policy';
import type { IntegrationAttachment } from '../../../shared/schemas/attachments';
import type { AuditEntry } from '../audit/auditLog';
import type { DisputeActor } from '../disputes/disputeActor';
import { lockDispute, recordEvent } from '../disputes/recorder';
import { Attachment } from '../entities';
import { lockRow } from '../db/locks';
import { conflict, notFound, unprocessable } from '../http/HttpError';
import { partyAnswered } from './fulfilment';
import { dhashColumns, findReuse, type ReusedIn } from './reuse';
import type { PreparedFile } from './uploads';

/** Who adds the files: a party through the integration API, or a staff member in the console. */
export type Uploader = { kind: Party } | { kind: 'staff'; staffId: number };

/** The wire record of an attachment (shared/schemas/records.ts), reuse matches included. */
export type AttachmentRecord = Record<string, unknown> & { id: number; reusedIn: ReusedIn[] };

const RECORD_FIELDS = [
    'id',
    'disputeId',
    'uploadedBy',
    'uploaderStaffId',
    'kind',
    'fileName',
    'mimeType',
    'size',
    'sha256',
    'reviewStatus',
    'reviewerId',
    'reviewNote',
    'reviewedAt',
    'createdAt',
] as const;

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Records of attachment rows read in the transaction, with their reuse matches. */
export async function attachmentRecords(
    manager: EntityManager,
    rows: Attachment[],
    policy: Policy
): Promise<AttachmentRecord[]> {
    const reuse = await findReuse(manager, rows, policy.reuseHammingThreshold);
    return rows.map((row) => {
        const record: Record<string, unknown> = {};
        for (const field of RECORD_FIELDS) record[field] = row[field];
        record.reviewedAt = iso(row.reviewedAt);
        record.createdAt = iso(row.createdAt);
        return { ...record, id: row.id, reusedIn: reuse.get(row.id) ?? [] };
    });
}

/** An attachment as the integration API answers it (shared/schemas/attachments.ts). */
export function integrationAttachmentView(row: Attachment): IntegrationAttachment {
    return {
        id: row.id,
        disputeId: row.disputeId,
        uploadedBy: row.uploadedBy as Party,
        kind: row.kind,
        fileName: row.fileName,
        mimeType: row.mimeType,
        size: row.size,
        sha256: row.sha256,
        createdAt: new Date(row.createdAt).toISOString(),
    };
}

function countBy(kinds: AttachmentKind[]): Record<AttachmentKind, number> {
    const counts = { image: 0, video: 0, pdf: 0 };
    for (const kind of kinds) counts[kind] += 1;
    return counts;
}

/**
 * The count limits of DESIGN.md for a party: while the dispute is `opened`, policy.openingMaxImages
 * images and policy.openingMaxVideos videos; always at most policy.maxFilesPerParty files.
 */
async function assertCountLimits(
    tx: EntityManager,
    policy: Policy,
    disputeId: number,
    status: string,
    party: Party,
    files: PreparedFile[]
): Promise<void> {
    const existing = await tx
        .getRepository(Attachment)
        .find({ select: { id: true, kind: true }, where: { disputeId, uploadedBy: party } });
    const before = countBy(existing.map((a) => a.kind));
    const adding = countBy(files.map((f) => f.kind));
    const total = existing.length + files.length;
    if (total > policy.maxFilesPerParty) {
        throw unprocessable(
            `At most ${policy.maxFilesPerParty} files per party per dispute (maxFilesPerParty): ` +
                `the ${party} has ${existing.length} and sends ${files.length}`,
            { file: `maxFilesPerParty: at most ${policy.maxFilesPerParty}` }
        );
    }
    if (status !== 'opened') return;
    const limits = [
        ['image', 'images', policy.openingMaxImages, 'openingMaxImages'],
        ['video', 'videos', policy.openingMaxVideos, 'openingMaxVideos'],
    ] as const;
    for (const [kind, plural, limit, name] of limits) {
        if (adding[kind] > 0 && before[kind] + adding[kind] > limit) {
            throw unprocessable(
                `At opening at most ${limit} ${plural} (${name}): the ${party} has ${before[kind]} and sends ${adding[kind]}`,
                { file: `${name}: at most ${limit} ${plural} at opening` }
            );
        }
    }
}

/**
 * Adds the files of one upload to a dispute: refused (409) once the dispute has ended; a party's
 * files within the count limits (422 naming the limit). On the timeline as `attachment_added`, each
 * file audited; a party's upload answers the evidence requests asking it.
 */
export async function addAttachments(
    tx: EntityManager,
    policy: Policy,
    disputeId: number,
    uploader: Uploader,
    files: PreparedFile[],
    actor: DisputeActor,
    at: Date
): Promise<Attachment[]> {
    const dispute = await lockDispute(tx, disputeId);
    if (FINAL_STATUSES.includes(dispute.status)) {
        throw conflict(`Dispute ${dispute.id} is ${dispute.status}: it takes no more evidence`);
    }
    if (uploader.kind !== 'staff') {
        await assertCountLimits(tx, policy, dispute.id, dispute.status, uploader.kind, files);
    }
    const repo = tx.getRepository(Attachment);
    const rows = files.map((file) =>
        repo.create({
            disputeId: dispute.id,
            uploadedBy: uploader.kind,
            uploaderStaffId: uploader.kind === 'staff' ? uploader.staffId : null,
            kind: file.kind,
            fileName: file.fileName,
            mimeType: file.mimeType,
            size: file.size,
            sha256: file.sha256,
            storageKey: file.storageKey,
            reviewStatus: 'pending',
            reviewerId: null,
            reviewNote: null,
            reviewedAt: null,
            createdAt: at,
            ...dhashColumns(file.dhash),
        })
    );
    const result = await repo.insert(rows);
    const ids = result.identifiers.map((identifier) => Number(identifier.id));
    const saved = await repo.find({ where: { id: In(ids) }, order: { id: 'ASC' } });
    const audits: AuditEntry[] = saved.map((row) => ({
        action: 'attachment.create',
        entity: 'attachment',
        entityId: row.id,
        after: {
            disputeId: row.disputeId,
            uploadedBy: row.uploadedBy,
            kind: row.kind,
            fileName: row.fileName,
            mimeType: row.mimeType,
            size: row.size,
            sha256: row.sha256,
        },
    }));
    await recordEvent(tx, dispute, 'attachment_added', actor, {
        details: { attachmentIds: ids },
        recordAudits: audits,
        at,
    });
    if (uploader.kind !== 'staff') await partyAnswered(tx, dispute, uploader.kind, actor, at);
    return saved;
}

export interface Review {
    reviewStatus: Exclude<ReviewStatus, 'pending'>;
    reviewNote?: string | null;
}

/** A staff member's review of one file: on the dispute's timeline and audited with the file. */
export async function reviewAttachment(
    tx: EntityManager,
    attachmentId: number,
    review: Review,
    actor: DisputeActor,
    at: Date
): Promise<Attachment> {
    const found = await tx.getRepository(Attachment).findOneBy({ id: attachmentId });
    if (!found) throw notFound(`attachments ${attachmentId} does not exist`);
    // The dispute first, as every change of a dispute's records locks it.
    const dispute = await lockDispute(tx, found.disputeId);
    const current = (await lockRow(tx, Attachment, attachmentId))!;
    const changes = {
        reviewStatus: review.reviewStatus,
        reviewNote: review.reviewNote ?? null,
        reviewerId: actor.staffId,
        reviewedAt: at,
    };
    await tx.getRepository(Attachment).update({ id: current.id }, changes);
    await recordEvent(tx, dispute, 'attachment_reviewed', actor, {
        note: changes.reviewNote,
        details: { attachmentId: current.id, reviewStatus: changes.reviewStatus },
        recordAudits: [
            {
                action: 'attachment.review',
                entity: 'attachment',
                entityId: current.id,
                before: { reviewStatus: current.reviewStatus, reviewNote: current.reviewNote },
                after: { reviewStatus: changes.reviewStatus, reviewNote: changes.reviewNote },
            },
        ],
        at,
    });
    return Object.assign(current, changes);
}
