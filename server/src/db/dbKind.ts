import type { WithPrecisionColumnType } from 'typeorm/driver/types/ColumnTypes.js';

/** The one place that knows which database engine is in use, and the column types that differ. */
export type DbKind = 'sqlite' | 'postgres';

export const dbKind: DbKind = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')
    ? 'postgres'
    : 'sqlite';

/** A point in time, stored in UTC. */
export const TIMESTAMP: WithPrecisionColumnType =
    dbKind === 'postgres' ? 'timestamp with time zone' : 'datetime';

function pad(n: number, width = 2): string {
    return String(n).padStart(width, '0');
}

/** A Date as the engine compares it in raw queries (TypeORM stores SQLite datetimes as UTC text). */
export function toDbTimestamp(date: Date): Date | string {
    if (dbKind === 'postgres') return date;
    return (
        `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
        `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.` +
        pad(date.getUTCMilliseconds(), 3)
    );
}

/** A timestamp read by a raw query, as an ISO 8601 string. */
export function fromDbTimestamp(value: unknown): string | null {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString();
    const text = String(value);
    // The common case, TypeORM's SQLite format: rewrite the text instead of parsing a Date.
    if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/.test(text)) return `${text.replace(' ', 'T')}Z`;
    return new Date(text.includes('T') ? text : text.replace(' ', 'T') + 'Z').toISOString();
}

/** The n-th (1-based) bound parameter of a raw SQL statement. */
export function sqlParam(n: number): string {
    return dbKind === 'postgres' ? `$${n}` : '?';
}

/** A boolean as the engine stores and compares it (SQLite: 0 or 1). */
export function dbBool(value: boolean): boolean | number {
    return dbKind === 'sqlite' ? (value ? 1 : 0) : value;
}

/** Where the data lives, for messages to the operator (never the URL: it may hold a password). */
export function describeDatabase(options: { dataDir: string }): string {
    return dbKind === 'postgres' ? 'the PostgreSQL database' : options.dataDir;
}
