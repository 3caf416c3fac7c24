import { dbKind, toDbTimestamp } from './dbKind';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface Queryable {
    query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export type SqlValue = string | number | boolean | Date | null;

/** SQLite allows 32766 bound variables per statement, PostgreSQL 65535. */
const MAX_PARAMETERS = dbKind === 'postgres' ? 65000 : 32000;

export function quote(identifier: string): string {
    return `"${identifier.replaceAll('"', '""')}"`;
}

/** A value as TypeORM itself would store it: timestamps in its text format on SQLite, booleans as 0/1. */
export function toSqlValue(value: unknown): SqlValue {
    if (value === undefined || value === null) return null;
    if (value instanceof Date) return toDbTimestamp(value);
    if (typeof value === 'boolean') return dbKind === 'postgres' ? value : value ? 1 : 0;
    if (typeof value === 'object') return JSON.stringify(value);
    return value as SqlValue;
}

/** A time in ms since the epoch (rounded), stored as a timestamp; null stays null. */
export function msTimestamp(ms: number | null): SqlValue {
    return ms === null ? null : toSqlValue(new Date(Math.round(ms)));
}

const statements = new Map<string, string>();

function placeholders(rows: number, columns: number): string {
    const tuples: string[] = [];
    let n = 0;
    for (let r = 0; r < rows; r++) {
        const values: string[] = [];
        for (let c = 0; c < columns; c++) values.push(dbKind === 'postgres' ? `$${++n}` : '?');
        tuples.push(`(${values.join(',')})`);
    }
    return tuples.join(',');
}

/** `INSERT INTO table (cols) VALUES (…),(…)` for `rows` rows, cached per shape. */
export function insertStatement(table: string, columns: readonly string[], rows: number): string {
    const cacheKey = `${table}|${columns.join(',')}|${rows}`;
    let sql = statements.get(cacheKey);
    if (!sql) {
        sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(',')}) VALUES ${placeholders(rows, columns.length)}`;
        statements.set(cacheKey, sql);
    }
    return sql;
}

/** How many rows of this width fit in one statement. */
export function rowsPerStatement(columns: number, cap = 1000): number {
    return Math.max(1, Math.min(cap, Math.floor(MAX_PARAMETERS / columns)));
}

/** Inserts already-converted values (`columns.length` per row, flattened), in as few statements as fit. */
export async function insertFlat(
    q: Queryable,
    table: string,
    columns: readonly string[],
    values: SqlValue[]
): Promise<void> {
    const rowCount = values.length / columns.length;
    const perStatement = rowsPerStatement(columns.length);
    for (let start = 0; start < rowCount; start += perStatement) {
        const count = Math.min(perStatement, rowCount - start);
        const slice = values.slice(start * columns.length, (start + count) * columns.length);
        await q.query(insertStatement(table, columns, count), slice);
    }
}

/** Inserts plain objects; every row must have the same keys as the first. */
export async function insertRows<T extends object>(
    q: Queryable,
    table: string,
    rows: readonly T[]
): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]) as (keyof T & string)[];
    const values: SqlValue[] = [];
    for (const row of rows) for (const column of columns) values.push(toSqlValue(row[column]));
    await insertFlat(q, table, columns, values);
}

/**
 * Inserts one plain object with a fixed, parameterised statement (cached per shape, so the
 * connection's prepared statement is reused; TypeORM's builder writes some numbers into the SQL
 * text, which makes every row a new statement) and returns the new row's id.
 */
export async function insertOne(q: Queryable, table: string, row: Record<string, unknown>): Promise<number> {
    const columns = Object.keys(row);
    const values = columns.map((column) => toSqlValue(row[column]));
    const sql = insertStatement(table, columns, 1);
    if (dbKind === 'postgres') {
        const rows = (await q.query(`${sql} RETURNING "id"`, values)) as { id: number | string }[];
        return Number(rows[0].id);
    }
    // TypeORM answers an SQLite INSERT with the row id it created.
    return Number(await q.query(sql, values));
}

/** The next free id of a table, so that seeded rows can reference each other before insertion. */
export async function nextId(q: Queryable, table: string): Promise<number> {
    const rows = (await q.query(`SELECT COALESCE(MAX(id), 0) AS "max" FROM ${quote(table)}`)) as {
        max: unknown;
    }[];
    return Number(rows[0]?.max ?? 0) + 1;
}

/** PostgreSQL sequences do not see explicit ids: move them past the rows just inserted. */
export async function syncSequences(q: Queryable, tables: readonly string[]): Promise<void> {
    if (dbKind !== 'postgres') return;
    for (const table of tables) {
        await q.query(
            `SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM ${quote(table)}), false)`,
            [quote(table)]
        );
    }
}
