import type { DataSource, EntityManager } from 'typeorm';
import { QUEUE_FACETS, QUEUE_FILTERS } from '../../../shared/queue';
import type { DisputeStatus } from '../../../shared/domain';
import { HELD_STATUSES } from '../../../shared/lifecycle';
import { dbKind, toDbTimestamp } from '../db/dbKind';
import { disputesResource } from '../disputes/disputesResource';
import type { Dispute } from '../entities';
import { badRequest } from '../http/HttpError';
import { parseFilterObject, type Condition } from '../rest/listParams';
import { filteredQuery } from '../rest/resourceQuery';

export interface QueueFilter {
    conditions: Condition[];
    q: string | null;
}

/** Validates queue filters; the queue itself is always escalated and unassigned. */
export function queueFilter(raw: unknown): QueueFilter {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw badRequest('"filter" must be a JSON object');
    for (const key of Object.keys(raw)) {
        if (!(QUEUE_FILTERS as readonly string[]).includes(key)) {
            throw badRequest(`Unknown queue filter "${key}"`, {
                [key]: `allowed: ${QUEUE_FILTERS.join(', ')}`,
            });
        }
    }
    const parsed = parseFilterObject(disputesResource, raw);
    return {
        q: parsed.q,
        conditions: [
            ...parsed.conditions,
            { field: 'status', op: 'eq', value: 'escalated' },
            { field: 'assigneeId', op: 'null' },
        ],
    };
}

/**
 * The most urgent matching dispute, locked for the claim: on PostgreSQL rows that others are
 * claiming are skipped; on SQLite the write transaction already runs alone.
 */
export function mostUrgent(manager: EntityManager, filter: QueueFilter): Promise<Dispute | null> {
    const qb = filteredQuery(manager, disputesResource, filter)
        .orderBy('dispute.slaDueAt', 'ASC')
        .addOrderBy('dispute.id', 'ASC')
        .limit(1);
    if (dbKind === 'postgres')
        qb.setLock('pessimistic_write', undefined, ['dispute']).setOnLocked('skip_locked');
    return qb.getOne() as Promise<Dispute | null>;
}

/**
 * SQLite: claims the most urgent matching dispute in one statement, unless the caller already
 * holds `limit` disputes in review (then nothing is claimed and the caller explains why).
 */
export async function claimMostUrgent(
    manager: EntityManager,
    filter: QueueFilter,
    claim: { staffId: number; to: DisputeStatus; at: Date; limit: number }
): Promise<{ id: number; version: number } | null> {
    const [urgentSql, urgentParams] = filteredQuery(manager, disputesResource, filter)
        .select('dispute.id')
        .orderBy('dispute.slaDueAt', 'ASC')
        .addOrderBy('dispute.id', 'ASC')
        .limit(1)
        .getQueryAndParameters();
    const held = HELD_STATUSES.map(() => '?').join(', ');
    // The leading comment makes TypeORM read the RETURNING rows (it runs bare UPDATEs without).
    const sql =
        `/* queue claim */ UPDATE "dispute" SET "status" = ?, "assigneeId" = ?, "assignedAt" = ?, ` +
        `"version" = "version" + 1, "updatedAt" = ? WHERE "id" = (${urgentSql}) AND (SELECT COUNT(*) ` +
        `FROM "dispute" "held" WHERE "held"."assigneeId" = ? AND "held"."status" IN (${held})) < ? ` +
        `RETURNING "id", "version"`;
    const at = toDbTimestamp(claim.at);
    const rows = (await manager.query(sql, [
        claim.to,
        claim.staffId,
        at,
        at,
        ...urgentParams,
        claim.staffId,
        ...HELD_STATUSES,
        claim.limit,
    ])) as { id: number; version: number }[];
    return rows[0] ? { id: Number(rows[0].id), version: Number(rows[0].version) } : null;
}

/** Queue size and, per filter, how many disputes each value would leave (other filters applied). */
export async function queueCounts(dataSource: DataSource, filter: QueueFilter) {
    const total = await filteredQuery(dataSource, disputesResource, filter).getCount();
    const facets: Record<string, Record<string, number>> = {};
    for (const name of QUEUE_FACETS) {
        const field = disputesResource.fields[name];
        const others = { ...filter, conditions: filter.conditions.filter((c) => c.field !== name) };
        const rows = await filteredQuery(dataSource, disputesResource, others, field.join ? [field.join] : [])
            .select(field.column, 'value')
            .addSelect('COUNT(*)', 'count')
            .groupBy(field.column)
            .getRawMany();
        facets[name] = Object.fromEntries(
            rows.map((row) => [
                field.type === 'bool' ? String(row.value === true || row.value === 1) : String(row.value),
                Number(row.count),
            ])
        );
    }
    return { total, facets };
}
