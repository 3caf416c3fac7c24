import type { DataSource, QueryRunner } from 'typeorm';
import { dbKind } from './dbKind';
import { insertStatement, quote, type SqlValue } from './sqlInsert';

/** Multi-row inserts in explicit transactions, tuned per engine for a one-off bulk load. */
export interface BulkWriter {
    begin(): Promise<void>;
    commit(): Promise<void>;
    rollback(): Promise<void>;
    /**
     * Drops the secondary indexes of the tables inside the open transaction and returns the statements
     * that recreate them: building an index once at the end is far cheaper than maintaining it row by row.
     */
    dropIndexes(tables: readonly string[]): Promise<string[]>;
    /** `values` holds `rows × columns.length` values, row after row. */
    insert(table: string, columns: readonly string[], rows: number, values: SqlValue[]): Promise<void>;
    run(sql: string): Promise<void>;
    /** Restores the connection's normal settings. */
    close(): Promise<void>;
}

/** The parts of node-sqlite3 used here (TypeORM exposes the handle as `any`). */
interface SqliteStatement {
    run(values: SqlValue[], callback: (error: Error | null) => void): void;
    finalize(callback: () => void): void;
}
interface SqliteDatabase {
    prepare(sql: string, callback: (error: Error | null) => void): SqliteStatement;
    exec(sql: string, callback: (error: Error | null) => void): void;
    all(sql: string, callback: (error: Error | null, rows: Record<string, unknown>[]) => void): void;
    serialize(): void;
    parallelize(): void;
}

class PostgresWriter implements BulkWriter {
    constructor(private readonly q: QueryRunner) {}
    begin = () => this.q.startTransaction();
    commit = () => this.q.commitTransaction();
    rollback = async () => {
        if (this.q.isTransactionActive) await this.q.rollbackTransaction();
    };
    async insert(table: string, columns: readonly string[], rows: number, values: SqlValue[]) {
        await this.q.query(insertStatement(table, columns, rows), values);
    }
    async dropIndexes(tables: readonly string[]) {
        // Not the ones that back a primary key or unique constraint.
        const rows = (await this.q.query(
            `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
             AND tablename = ANY($1) AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
            [tables]
        )) as { indexname: string; indexdef: string }[];
        for (const row of rows) await this.q.query(`DROP INDEX ${quote(row.indexname)}`);
        return rows.map((row) => row.indexdef);
    }
    async run(sql: string) {
        await this.q.query(sql);
    }
    async close() {
        // VACUUM, not only ANALYZE: it sets the visibility map, without which the queue's COUNT
        // cannot use an index-only scan and takes ~100 ms instead of a few on 1M fresh rows.
        await this.q.query('VACUUM ANALYZE "buyer", "seller", "order", "dispute", "decision"');
        await this.q.release();
    }
}

/**
 * Talks to node-sqlite3 directly: TypeORM opens it in verbose mode, which formats every SQL text and
 * parameter list for stack traces, and that alone would cost more than the inserts. Statements are
 * prepared once and executed in order (serialized mode), so generating the next batch overlaps
 * with SQLite writing the previous one.
 */
class SqliteWriter implements BulkWriter {
    private readonly statements = new Map<string, SqliteStatement>();
    private restoreCache = 2000;

    constructor(private readonly db: SqliteDatabase) {}

    exec(sql: string): Promise<void> {
        return new Promise((resolve, reject) => this.db.exec(sql, (e) => (e ? reject(e) : resolve())));
    }

    async open(): Promise<this> {
        const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) =>
            this.db.all('PRAGMA cache_size', (e, r) => (e ? reject(e) : resolve(r)))
        );
        this.restoreCache = Number(rows[0]?.cache_size ?? 2000);
        this.db.serialize();
        // No fsync, a 1 GiB page cache; ids are generated consistently, so skip the per-row FK lookups.
        await this.exec(
            'PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY;'
        );
        await this.exec('PRAGMA foreign_keys = OFF');
        return this;
    }

    begin = () => this.exec('BEGIN');
    commit = () => this.exec('COMMIT');
    rollback = () => this.exec('ROLLBACK').catch(() => undefined);
    run = (sql: string) => this.exec(sql);

    async dropIndexes(tables: readonly string[]): Promise<string[]> {
        const list = tables.map((t) => `'${t.replaceAll("'", "''")}'`).join(', ');
        const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) =>
            this.db.all(
                `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`,
                (e, r) => (e ? reject(e) : resolve(r))
            )
        );
        for (const row of rows) await this.exec(`DROP INDEX ${quote(String(row.name))}`);
        return rows.map((row) => String(row.sql));
    }

    insert(table: string, columns: readonly string[], rows: number, values: SqlValue[]): Promise<void> {
        const sql = insertStatement(table, columns, rows);
        let statement = this.statements.get(sql);
        if (!statement) {
            statement = this.db.prepare(sql, () => undefined);
            this.statements.set(sql, statement);
        }
        const prepared = statement;
        return new Promise((resolve, reject) => prepared.run(values, (e) => (e ? reject(e) : resolve())));
    }

    async close(): Promise<void> {
        for (const statement of this.statements.values())
            await new Promise<void>((r) => statement.finalize(r));
        await this.exec(
            'PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = DEFAULT;'
        );
        await this.exec(`PRAGMA cache_size = ${this.restoreCache}; PRAGMA optimize;`);
        await this.checkpoint();
        this.db.parallelize();
    }

    /**
     * Moves the bulk load out of the write-ahead log. A reader elsewhere (a benchmark counting rows)
     * makes the checkpoint busy; left undone, every later query searches a log of gigabytes.
     */
    private async checkpoint(): Promise<void> {
        for (let attempt = 0; attempt < 60; attempt++) {
            const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) =>
                this.db.all('PRAGMA wal_checkpoint(TRUNCATE)', (e, r) => (e ? reject(e) : resolve(r)))
            );
            if (Number(rows[0]?.busy ?? 0) === 0) return;
            await new Promise((resolve) => setTimeout(resolve, 1000));
        }
        process.stderr.write(
            'Warning: the write-ahead log could not be checkpointed (a reader kept it busy).\n'
        );
    }
}

export async function openBulkWriter(dataSource: DataSource): Promise<BulkWriter> {
    if (dbKind === 'postgres') {
        const q = dataSource.createQueryRunner();
        await q.connect();
        return new PostgresWriter(q);
    }
    const driver = dataSource.driver as unknown as { databaseConnection: SqliteDatabase };
    return new SqliteWriter(driver.databaseConnection).open();
}
