import type { Identifier } from 'react-admin';

/** Where the console API serves an attachment's bytes (with HTTP Range support). */
export function attachmentContentUrl(id: Identifier): string {
    return `/api/attachments/${encodeURIComponent(id)}/content`;
}

/** An image's preview: not a viewing of the evidence, so not audited (images only). */
export function attachmentThumbnailUrl(id: Identifier): string {
    return `/api/attachments/${encodeURIComponent(id)}/thumbnail`;
}
