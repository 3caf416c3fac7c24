import type { DataSource } from 'typeorm';
import { QUEUE_FACETS, QUEUE_FILTERS, QUEUE_SCOPE } from '../../../shared/queue';
import { readsOf } from '../db/readers';
import { disputesResource } from '../disputes/disputesResource';
import { badRequest } from '../http/HttpError';
import { parseFilterObject, type Condition } from '../rest/listParams';
import { filteredQuery } from '../rest/resourceQuery';
import { queueAgeCounts } from './queueAges';

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
            { field: 'status', op: 'eq', value: QUEUE_SCOPE.status },
            { field: 'assigneeId', op: 'null' },
        ],
    };
}

/**
 * Queue size and, per filter, how many disputes each value would leave (other filters applied):
 * committed data, read on the read side (db/readers.ts) so that counting never delays a claim.
 */
export async function queueCounts(writer: DataSource, filter: QueueFilter, now: Date) {
    const dataSource = readsOf(writer);
    // One query per facet, side by side (SQLite's read side has several connections).
    const [ages, total, ...counts] = await Promise.all([
        queueAgeCounts(dataSource, filter, now),
        filteredQuery(dataSource, disputesResource, filter).getCount(),
        ...QUEUE_FACETS.map(async (name) => {
            const field = disputesResource.fields[name];
            const others = { ...filter, conditions: filter.conditions.filter((c) => c.field !== name) };
            const rows: { value: unknown; count: unknown }[] = await filteredQuery(
                dataSource,
                disputesResource,
                others,
                field.join ? [field.join] : []
            )
                .select(field.column, 'value')
                .addSelect('COUNT(*)', 'count')
                .groupBy(field.column)
                .getRawMany();
            const values = rows.map((row) => [
                field.type === 'bool' ? String(row.value === true || row.value === 1) : String(row.value),
                Number(row.count),
            ]);
            return [name, Object.fromEntries(values) as Record<string, number>] as const;
        }),
    ]);
    const facets: Record<string, Record<string, number>> = Object.fromEntries(counts);
    return { total, facets, ages };
}
