import { ATTACHMENT_KINDS, ATTACHMENT_UPLOADERS, REVIEW_STATUSES } from '../../../shared/domain';
import { Attachment } from '../entities';
import { columns, defineResource } from '../rest/Resource';

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
    search: ['fileName'],
    defaultSort: ['createdAt', 'ASC'],
});
