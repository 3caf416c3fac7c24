import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { dbKind } from './dbKind';

/** SQLite under TypeORM has one connection per process: transactions must take turns. */
class Mutex {
    private tail: Promise<void> = Promise.resolve();

    run<T>(fn: () => Promise<T>): Promise<T> {
        const result = this.tail.then(fn);
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
const inTransaction = new AsyncLocalStorage<true>();

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
    const run = () => inTransaction.run(true, () => dataSource.transaction(fn));
    if (dbKind === 'postgres') return run();
    let mutex = sqliteWrites.get(dataSource);
    if (!mutex) sqliteWrites.set(dataSource, (mutex = new Mutex()));
    return mutex.run(async () => {
        try {
            return await run();
        } catch (error) {
            for (const listener of rollbackListeners) listener(dataSource);
            throw error;
        }
    });
}
