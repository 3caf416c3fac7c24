import type { EntityManager } from 'typeorm';
import { dbKind } from './dbKind';

/**
 * Serializes the transactions that name the same keys until they end, for check-then-insert
 * bookkeeping with no row to lock yet. PostgreSQL: a transaction-scoped advisory lock per key, taken
 * in sorted order so that two transactions never wait for each other. SQLite: `writeTransaction`
 * already runs one write transaction at a time.
 */
export async function lockKeys(manager: EntityManager, keys: string[]): Promise<void> {
    if (dbKind !== 'postgres') return;
    for (const key of [...new Set(keys)].sort()) {
        await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    }
}
