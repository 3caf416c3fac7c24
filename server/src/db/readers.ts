import os from 'node:os';
import sqlite3 from 'sqlite3';
import { DataSource, type EntityManager } from 'typeorm';
import type { SqliteDriver } from 'typeorm/driver/sqlite/SqliteDriver.js';
import { SqliteQueryRunner } from 'typeorm/driver/sqlite/SqliteQueryRunner.js';
import { dbKind } from './dbKind';
import { keepStatements } from './sqliteStatements';

/**
 * The read side. On SQLite the writer is the one TypeORM connection that `writeTransaction`
 * serializes; reads there would take turns with every transaction (and see its uncommitted
 * rows). So reads get their own read-only connections to the same file: in WAL mode they run
 * beside the writer and see what it has committed. On PostgreSQL the pooled DataSource already
 * reads beside the writers, so it is its own read side.
 */

type Callback = (this: unknown, err: Error | null, rows?: unknown[]) => void;
type Job = (db: sqlite3.Database, release: () => void) => void;

/**
 * The file's settings for every read connection (the writer's are in dataSource.ts). No memory
 * map: a long scan (the audit verify, an export) would map the whole file into the process.
 */
const READER_PRAGMAS = ['PRAGMA query_only = ON', 'PRAGMA busy_timeout = 5000', 'PRAGMA cache_size = -32768'];

function openReader(file: string): Promise<sqlite3.Database> {
    return new Promise((resolve, reject) => {
        const db: sqlite3.Database = keepStatements(
            new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
                if (err) return reject(err);
                db.exec(READER_PRAGMAS.join('; '), (pragmaErr) =>
                    pragmaErr ? reject(pragmaErr) : resolve(db)
                );
            })
        );
    });
}

/**
 * A few read-only connections that look like one `sqlite3.Database` to TypeORM. Each connection
 * runs one statement at a time (node-sqlite3 finalizes statements on the main thread, which waits
 * for a connection busy on a worker thread), so a long read holds one connection and the other
 * reads go to the others.
 */
class ReadPool {
    private idle: sqlite3.Database[] = [];
    private all_: sqlite3.Database[] = [];
    private waiting: Job[] = [];
    private closed = false;

    constructor(file: string, size: number, onOpen: (err: Error | null) => void) {
        Promise.all(Array.from({ length: size }, () => openReader(file))).then(
            (dbs) => {
                this.all_ = dbs;
                this.idle = [...dbs];
                onOpen(null);
            },
            (err: Error) => onOpen(err)
        );
    }

    /** Runs `job` on an idle connection, waiting for one if needed. */
    private schedule(job: Job): void {
        if (this.closed) throw new Error('the read connections are closed');
        const db = this.idle.pop();
        if (db) job(db, () => this.release(db));
        else this.waiting.push(job);
    }

    private release(db: sqlite3.Database): void {
        const next = this.waiting.shift();
        if (next) next(db, () => this.release(db));
        else this.idle.push(db);
    }

    /** Holds one connection until `done` is called. */
    acquire(): Promise<{ db: sqlite3.Database; done: () => void }> {
        return new Promise((resolve) => this.schedule((db, done) => resolve({ db, done })));
    }

    private statement(method: 'all' | 'run', sql: string, params: unknown, callback: Callback): void {
        if (/^\s*(BEGIN|SAVEPOINT|COMMIT|ROLLBACK|RELEASE)\b/i.test(sql)) {
            // A transaction would span connections: the read side takes readSnapshot instead.
            return callback.call(null, new Error('the read side takes no transactions; use readSnapshot'));
        }
        this.schedule((db, release) => {
            db[method](sql, params ?? [], function (this: unknown, err: Error | null, rows?: unknown[]) {
                release();
                callback.call(this, err, rows);
            });
        });
    }

    all(sql: string, params: unknown, callback: Callback): void {
        this.statement('all', sql, params, callback);
    }

    run(sql: string, params: unknown, callback?: Callback): void {
        if (typeof params === 'function') this.statement('run', sql, [], params as Callback);
        else this.statement('run', sql, params, callback ?? (() => {}));
    }

    close(callback: (err: Error | null) => void): void {
        this.closed = true;
        Promise.all(
            this.all_.map(
                (db) => new Promise<void>((resolve, reject) => db.close((e) => (e ? reject(e) : resolve())))
            )
        ).then(
            () => callback(null),
            (err: Error) => callback(err)
        );
    }
}

/** The sqlite3 module as TypeORM loads it, opening a ReadPool where it would open a Database. */
function readPoolDriver(size: number) {
    const driver = Object.create(sqlite3) as typeof sqlite3;
    return Object.assign(driver, {
        verbose: () => driver,
        Database: function (file: string, _flags: number, onOpen: (err: Error | null) => void) {
            return new ReadPool(file, size, onOpen);
        },
    });
}

const readSides = new WeakMap<DataSource, DataSource>();

/** How many read connections SQLite gets by default: one per core, two to four. */
export function defaultReaderCount(): number {
    return Math.min(4, Math.max(2, os.availableParallelism()));
}

/** Opens the read side of an open DataSource (on PostgreSQL: the DataSource itself). */
export async function openReads(
    dataSource: DataSource,
    options: { readers?: number } = {}
): Promise<DataSource> {
    if (dbKind === 'postgres') return dataSource;
    const reads = new DataSource({
        type: 'sqlite',
        driver: readPoolDriver(options.readers ?? defaultReaderCount()),
        database: String(dataSource.options.database),
        flags: sqlite3.OPEN_READONLY,
        entities: dataSource.options.entities,
        synchronize: false,
        migrationsRun: false,
        logging: dataSource.options.logging,
        busyErrorRetry: 20,
    });
    await reads.initialize();
    readSides.set(dataSource, reads);
    return reads;
}

/** Closes a read side opened by `openReads` (the PostgreSQL writer is closed by its owner). */
export async function closeReads(dataSource: DataSource, reads: DataSource): Promise<void> {
    if (reads === dataSource || !reads.isInitialized) return;
    readSides.delete(dataSource);
    await reads.destroy();
}

/**
 * Where reads of committed data go for this DataSource: its read side when one is open,
 * else the DataSource itself (PostgreSQL, scripts and benchmarks that open no read side).
 */
export function readsOf(dataSource: DataSource): DataSource {
    return readSides.get(dataSource) ?? dataSource;
}

/**
 * Runs `fn` on one read transaction: every query it makes through the manager sees the database
 * as it was when the transaction began, however many commits happen meanwhile (an export or a
 * verify that reads in batches). It never blocks the writer.
 */
export async function readSnapshot<T>(
    reads: DataSource,
    fn: (manager: EntityManager) => Promise<T>
): Promise<T> {
    if (dbKind === 'postgres') {
        const runner = reads.createQueryRunner();
        try {
            await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
            try {
                // The snapshot begins with the transaction's first query.
                await runner.query('SELECT 1');
                return await fn(runner.manager);
            } finally {
                await runner.query('ROLLBACK');
            }
        } finally {
            await runner.release();
        }
    }
    const driver = reads.driver as SqliteDriver;
    const pool: unknown = driver.databaseConnection;
    if (!(pool instanceof ReadPool)) throw new Error('readSnapshot needs a read side (openReads)');
    const { db, done } = await pool.acquire();
    const exec = (sql: string) =>
        new Promise<void>((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
    try {
        await exec('BEGIN');
        try {
            // A read transaction takes its snapshot at its first read.
            await new Promise<void>((resolve, reject) =>
                db.get('SELECT 1 FROM sqlite_master LIMIT 1', (err) => (err ? reject(err) : resolve()))
            );
            // A query runner of its own, on the connection this snapshot holds.
            const runner = new SqliteQueryRunner(driver);
            runner.connect = () => Promise.resolve(db);
            return await fn(reads.createEntityManager(runner));
        } finally {
            await exec('ROLLBACK');
        }
    } finally {
        done();
    }
}
