import { toDbTimestamp } from '../db/dbKind';

const DAY_MS = 86_400_000;

/**
 * The bounds of the days `from`..`to` (inclusive, UTC) as the engine compares `issuedAt`: from the
 * first midnight included to the midnight after `to` excluded. SQLite holds timestamps as text,
 * with or without milliseconds; a whole second compared without them catches both forms.
 */
export function dayBounds(from: string, to: string): { start: Date | string; end: Date | string } {
    const bound = (date: Date) => {
        const db = toDbTimestamp(date);
        return typeof db === 'string' ? db.replace(/\.000$/, '') : db;
    };
    const start = new Date(`${from}T00:00:00.000Z`);
    const end = new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS);
    return { start: bound(start), end: bound(end) };
}
