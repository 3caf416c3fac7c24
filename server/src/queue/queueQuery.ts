import type { DataSource } from 'typeorm';
import { QUEUE_FACETS, QUEUE_FILTERS } from '../../../shared/queue';
import { disputesResource } from '../disputes/disputesResource';
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
