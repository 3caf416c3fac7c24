/**
 * Records read for the API, on the read side unless a transaction asks: a list page with its
 * total, and one record by id. Their SQL comes from resourceQuery.ts and is built once per shape.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { readsOf } from '../db/readers';
import { MAX_DB_INT, type ListParams } from './listParams';
import type { Resource } from './Resource';
import { filteredQuery, listStatements, recordJoins, selectRecord, toRecord } from './resourceQuery';

/**
 * One page of records (decorated, if the resource adds to its records) and the total count of
 * matching rows, read on the DataSource's read side (db/readers.ts): committed data, without
 * waiting for the writer.
 */
export async function listRecords(
    dataSource: DataSource,
    resource: Resource,
    params: ListParams,
    decorate?: (records: Record<string, unknown>[]) => Promise<void>
) {
    const reads = readsOf(dataSource);
    const { page, count } = listStatements(reads, resource, params);
    // The page is read and decorated (more reads, on another connection) while the count, the
    // long read of a large list, still runs.
    const paged = (reads.query(...page) as Promise<Record<string, unknown>[]>).then(async (rows) => {
        const records = rows.map((row) => toRecord(resource, row));
        await decorate?.(records);
        return records;
    });
    const [records, counted] = await Promise.all([
        paged,
        reads.query(...count) as Promise<{ total: unknown }[]>,
    ]);
    return { records, total: Number(counted[0]?.total ?? 0) };
}

const recordSql = new WeakMap<DataSource, Map<string, string>>();

/**
 * One committed record by id, or null, read on the DataSource's read side. Its SQL is built once
 * per resource: it is on every hot path.
 */
export async function getRecord(writer: DataSource, resource: Resource, id: number) {
    if (id > MAX_DB_INT) return null;
    const dataSource = readsOf(writer);
    const [row] = (await dataSource.query(recordStatement(dataSource, resource), [id])) as Record<
        string,
        unknown
    >[];
    return row ? toRecord(resource, row) : null;
}

/**
 * One record by id as the caller's transaction sees it (its own uncommitted changes included):
 * the answer of a route that must be stored with its change, such as an idempotent POST.
 */
export async function getRecordIn(manager: EntityManager, resource: Resource, id: number) {
    const sql = recordStatement(manager.connection, resource);
    const [row] = (await manager.query(sql, [id])) as Record<string, unknown>[];
    return row ? toRecord(resource, row) : null;
}

function recordStatement(dataSource: DataSource, resource: Resource): string {
    let cache = recordSql.get(dataSource);
    if (!cache) recordSql.set(dataSource, (cache = new Map()));
    let sql = cache.get(resource.name);
    if (!sql) {
        const qb = selectRecord(
            resource,
            filteredQuery(dataSource, resource, { conditions: [], q: null }, recordJoins(resource))
        );
        sql = qb
            // A string placeholder value: TypeORM writes numbers into SQLite SQL as literals.
            .andWhere(`${resource.alias}.id = :recordId`, { recordId: 'id' })
            .getQueryAndParameters()[0];
        if (!/(\?|\$1)\s*$/.test(sql)) throw new Error(`cannot cache the record query of ${resource.name}`);
        cache.set(resource.name, sql);
    }
    return sql;
}
