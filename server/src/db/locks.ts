import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { dbKind } from './dbKind';

/**
 * Locks the rows a query selects for the rest of the transaction. On PostgreSQL that is
 * `FOR UPDATE` (with `SKIP LOCKED`: rows others hold are passed over); on SQLite the write
 * transaction already runs alone, so the query is left as it is.
 */
export function forUpdate<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    options: { skipLocked?: boolean; tables?: string[] } = {}
): SelectQueryBuilder<T> {
    if (dbKind !== 'postgres') return qb;
    qb.setLock('pessimistic_write', undefined, options.tables);
    if (options.skipLocked) qb.setOnLocked('skip_locked');
    return qb;
}

/** Loads one row by id inside a transaction, locked for it (see `forUpdate`); null when absent. */
export function lockRow<T extends ObjectLiteral>(
    manager: EntityManager,
    entity: EntityTarget<T>,
    id: number
): Promise<T | null> {
    const qb = manager.getRepository(entity).createQueryBuilder('row').where('row.id = :id', { id });
    return forUpdate(qb).getOne();
}

/** Whether a transaction's writes are serialized in this process (SQLite) rather than locked per row. */
export const writesSerialized = dbKind === 'sqlite';
