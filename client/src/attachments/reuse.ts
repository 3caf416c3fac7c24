import type { Attachment } from '../types';

/** A file of another dispute with the same bytes (exact) or a look-alike image (similar). */
export type ReuseMatch = NonNullable<Attachment['reusedIn']>[number];

/** The matches the server found for an attachment (none when the record does not carry them). */
export function reuseOf(attachment: Attachment): ReuseMatch[] {
    // Records that come without the matches (the timeline's) have none to show.
    const reusedIn: unknown = attachment.reusedIn;
    return Array.isArray(reusedIn) ? (reusedIn as ReuseMatch[]) : [];
}
