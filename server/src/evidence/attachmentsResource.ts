import { In } from 'typeorm';
import { ATTACHMENT_KINDS, ATTACHMENT_UPLOADERS, REVIEW_STATUSES } from '../../../shared/domain';
import type { AppContext } from '../appContext';
import { readsOf } from '../db/readers';
import { Attachment } from '../entities';
import { columns, defineResource } from '../rest/Resource';
import { findReuse } from './reuse';

/** `reusedIn`: the same file or a near-identical picture in other disputes (indexed lookups). */
async function withReuse(context: AppContext, records: Record<string, unknown>[]): Promise<void> {
    if (records.length === 0) return;
    const manager = readsOf(context.dataSource).manager;
    const ids = records.map((record) => Number(record.id));
    const rows = await manager.getRepository(Attachment).find({
        select: { id: true, disputeId: true, sha256: true, dhash: true },
        where: { id: In(ids) },
    });
    const reuse = await findReuse(manager, rows, context.config.policy.reuseHammingThreshold);
    for (const record of records) record.reusedIn = reuse.get(Number(record.id)) ?? [];
}

/** Evidence files of a dispute, with their review. */
export const attachmentsResource = defineResource({
    name: 'attachments',
    entity: Attachment,
    alias: 'attachment',
    fields: columns('attachment', {
        disputeId: { type: 'int', filter: true, sort: true },
        uploadedBy: { type: 'string', filter: true, values: ATTACHMENT_UPLOADERS },
        uploaderStaffId: { type: 'int', filter: true },
        kind: { type: 'string', filter: true, values: ATTACHMENT_KINDS },
        fileName: { type: 'string', sort: true },
        mimeType: { type: 'string', filter: true },
        size: { type: 'int', range: true, sort: true },
        sha256: { type: 'string', filter: true },
        reviewStatus: { type: 'string', filter: true, values: REVIEW_STATUSES },
        reviewerId: { type: 'int', filter: true },
        reviewNote: { type: 'string' },
        reviewedAt: { type: 'date', range: true },
        createdAt: { type: 'date', range: true, sort: true },
    }),
    search: ['disputeId', 'fileName'],
    defaultSort: ['createdAt', 'ASC'],
    decorate: withReuse,
    computed: ['reusedIn'],
});
