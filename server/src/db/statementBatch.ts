/**
 * SQLite: the writes of a transaction whose results nobody waits for (the recorder's timeline and
 * audit rows) travel with the statement that follows them — usually the COMMIT — in one call to
 * the database thread instead of one each. Every statement costs the single writer a round trip
 * through the event loop while it holds the write lock, so a pick-up (BEGIN, claim, timeline,
 * audit, COMMIT) holds it for three trips instead of five — two when the transaction behind it
 * was already waiting and the COMMIT began it.
 *
 * A batched statement runs before anything else the transaction sends, so the transaction reads
 * its own writes as before; if one fails, the COMMIT it travels with does not run and the
 * transaction rolls back as a whole. On PostgreSQL, or outside a write transaction, a batched
 * insert runs at once.
 */
import type { EntityManager, QueryRunner } from 'typeorm';
import type sqlite3 from 'sqlite3';
import { insertOne, quote, toSqlValue, type SqlValue } from './sqlInsert';

const pending = new WeakMap<QueryRunner, string[]>();

/** QueryRunner.query without its overloads: what is passed on is passed on unchanged. */
type RawQuery = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

/** An SQL literal for a value exec can carry (no bound parameters there); undefined if none is exact. */
function literal(value: SqlValue): string | undefined {
    if (value === null) return 'NULL';
    if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
    if (typeof value === 'string') {
        // exec reads the SQL as a C string: a NUL would end it, so such text travels as UTF-8 bytes.
        if (value.includes('\0')) return `CAST(X'${Buffer.from(value, 'utf8').toString('hex')}' AS TEXT)`;
        return `'${value.replaceAll("'", "''")}'`;
    }
    return undefined;
}

function exec(database: sqlite3.Database, sql: string): Promise<void> {
    return new Promise((resolve, reject) =>
        database.exec(sql, (error) => (error ? reject(error) : resolve()))
    );
}

/** Per SQLite query runner: whether the last COMMIT also began the next waiting transaction. */
const begun = new WeakMap<QueryRunner, boolean>();

const isBegin = (sql: string) => /^\s*BEGIN\b/i.test(sql);
const isCommit = (sql: string, parameters?: unknown[]) => /^\s*COMMIT\s*$/i.test(sql) && !parameters?.length;

/**
 * Batches the SQLite write transaction that is about to run on `runner` (the process's one
 * SQLite runner): statements queued by `insertBatched` are sent in one exec ahead of the
 * transaction's next statement, the COMMIT in the same exec. When `nextWaiting()` says another
 * write transaction is already waiting for this one, the exec also begins it ("COMMIT; BEGIN"),
 * and that transaction's own BEGIN then costs nothing. Returns the function that ends the
 * batching, called once the transaction has committed or rolled back.
 */
export async function startStatementBatch(
    runner: QueryRunner,
    nextWaiting: () => boolean
): Promise<() => void> {
    const database = (await runner.connect()) as sqlite3.Database;
    const queued: string[] = [];
    const query = runner.query.bind(runner) as RawQuery;
    const batched = async (sql: string, parameters?: unknown[], structured?: boolean) => {
        if (isBegin(sql) && begun.get(runner)) {
            begun.delete(runner);
            return undefined;
        }
        if (isCommit(sql, parameters)) {
            const next = nextWaiting();
            if (queued.length === 0 && !next) return query(sql, parameters, structured);
            await exec(database, [...queued.splice(0), 'COMMIT', ...(next ? ['BEGIN'] : [])].join(';\n'));
            if (next) begun.set(runner, true);
            return undefined;
        }
        if (queued.length === 0) return query(sql, parameters, structured);
        const statements = queued.splice(0);
        // A rollback drops what was never sent.
        if (/^\s*ROLLBACK\b/i.test(sql)) return query(sql, parameters, structured);
        await exec(database, statements.join(';\n'));
        return query(sql, parameters, structured);
    };
    pending.set(runner, queued);
    runner.query = batched as QueryRunner['query'];
    return () => {
        // The own property shadowed the prototype's method.
        if (runner.query === batched) delete (runner as Partial<Pick<QueryRunner, 'query'>>).query;
        pending.delete(runner);
    };
}

/**
 * Inserts one row whose generated id the caller does not need (give `id` to choose it): batched
 * with the transaction's next statement where `startStatementBatch` runs, at once elsewhere.
 */
export async function insertBatched(
    manager: EntityManager,
    table: string,
    row: Record<string, unknown>
): Promise<void> {
    const queued = manager.queryRunner && pending.get(manager.queryRunner);
    const columns = Object.keys(row);
    const values = columns.map((column) => literal(toSqlValue(row[column])));
    if (!queued || values.some((value) => value === undefined)) {
        await insertOne(manager, table, row);
        return;
    }
    queued.push(`INSERT INTO ${quote(table)} (${columns.map(quote).join(',')}) VALUES (${values.join(',')})`);
}
