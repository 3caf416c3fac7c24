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

/**
 * Runs `fn` in a transaction. Every write goes through here: on SQLite the transactions of this
 * process are serialized; on PostgreSQL they run concurrently and lock rows themselves.
 */
export function writeTransaction<T>(dataSource: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (dbKind === 'postgres') return dataSource.transaction(fn);
    let mutex = sqliteWrites.get(dataSource);
    if (!mutex) sqliteWrites.set(dataSource, (mutex = new Mutex()));
    return mutex.run(() => dataSource.transaction(fn));
}
