import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { dbKind } from './dbKind';
import { startStatementBatch } from './statementBatch';

/** SQLite under TypeORM has one connection per process: transactions must take turns. */
class Mutex {
    private tail: Promise<void> = Promise.resolve();
    /** Runs queued behind the one running. */
    waiting = 0;

    run<T>(fn: () => Promise<T>): Promise<T> {
        this.waiting++;
        const result = this.tail.then(() => {
            this.waiting--;
            return fn();
        });
        this.tail = result.then(
            () => undefined,
            () => undefined
        );
        return result;
    }
}

const sqliteWrites = new WeakMap<DataSource, Mutex>();
const rollbackListeners: ((dataSource: DataSource) => void)[] = [];

/** Lets a cache of committed state forget what a rolled-back SQLite transaction wrote. */
export function onSqliteRollback(listener: (dataSource: DataSource) => void): void {
    rollbackListeners.push(listener);
}
/** What a running writeTransaction collects: work to do once it has committed. */
export interface TransactionScope {
    afterCommit: (() => void)[];
}
const inTransaction = new AsyncLocalStorage<TransactionScope>();

/**
 * Runs `fn` once the current writeTransaction has committed (never when it rolls back): how a
 * change is announced to other sessions (live/liveNotes.ts). Outside a writeTransaction (the seed's
 * bulk loads) there is nobody to tell, and `fn` is dropped.
 */
export function afterCommit(fn: () => void): void {
    inTransaction.getStore()?.afterCommit.push(fn);
}

/** The writeTransaction this code runs in (an identity for what it collects), if any. */
export function currentTransaction(): TransactionScope | undefined {
    return inTransaction.getStore();
}

function runAfterCommit(scope: TransactionScope): void {
    for (const fn of scope.afterCommit) {
        try {
            fn();
        } catch (error) {
            console.error('An after-commit step failed', error);
        }
    }
}

/**
 * Runs `fn` in a transaction. Every write goes through here: on SQLite the transactions of this
 * process are serialized; on PostgreSQL they run concurrently and lock rows themselves.
 * Nesting is a bug (on SQLite it would wait for itself forever), so it throws at once.
 */
export function writeTransaction<T>(
    dataSource: DataSource,
    fn: (manager: EntityManager) => Promise<T>
): Promise<T> {
    if (inTransaction.getStore()) {
        return Promise.reject(new Error('writeTransaction called inside another writeTransaction'));
    }
    const run = async (nextWaiting?: () => boolean) => {
        const scope: TransactionScope = { afterCommit: [] };
        // On SQLite, createQueryRunner answers the one runner that dataSource.transaction uses.
        const endBatch =
            nextWaiting && (await startStatementBatch(dataSource.createQueryRunner(), nextWaiting));
        let result: T;
        try {
            result = await inTransaction.run(scope, () => dataSource.transaction(fn));
        } finally {
            endBatch?.();
        }
        runAfterCommit(scope);
        return result;
    };
    if (dbKind === 'postgres') return run();
    let mutex = sqliteWrites.get(dataSource);
    if (!mutex) sqliteWrites.set(dataSource, (mutex = new Mutex()));
    const writes = mutex;
    return mutex.run(async () => {
        try {
            return await run(() => writes.waiting > 0);
        } catch (error) {
            for (const listener of rollbackListeners) listener(dataSource);
            throw error;
        }
    });
}
