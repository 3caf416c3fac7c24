/** What the console sends about evidence files. */
import { z } from 'zod';
import { ATTACHMENT_KINDS, PARTIES, REVIEW_STATUSES } from '../domain';
import { multiLineText } from './text';

export const REVIEW_NOTE_MAX_LENGTH = 2000;

/** `PATCH /api/attachments/:id`: `pending` is where a file starts, a review moves it on. */
export const attachmentReviewSchema = z.strictObject({
    reviewStatus: z.enum(REVIEW_STATUSES).exclude(['pending']),
    reviewNote: multiLineText().max(REVIEW_NOTE_MAX_LENGTH).nullable().optional(),
});
export type AttachmentReviewInput = z.infer<typeof attachmentReviewSchema>;

/**
 * An evidence file as the integration API answers it: what was stored, never staff's review or
 * the reused-evidence matches (internal).
 */
export const integrationAttachmentSchema = z.strictObject({
    id: z.number().int(),
    disputeId: z.number().int(),
    uploadedBy: z.enum(PARTIES),
    kind: z.enum(ATTACHMENT_KINDS),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: z.iso.datetime(),
});
export type IntegrationAttachment = z.infer<typeof integrationAttachmentSchema>;
