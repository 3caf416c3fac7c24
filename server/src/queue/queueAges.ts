import type { DataSource } from 'typeorm';
import { QUEUE_AGE_DAYS } from '../../../shared/queue';
import { DAY_MS } from '../../../shared/policy';
import { toDbTimestamp } from '../db/dbKind';
import { disputesResource } from '../disputes/disputesResource';
import { filteredQuery } from '../rest/resourceQuery';
import type { QueueFilter } from './queueQuery';

/**
 * The "Waiting" facet: per age of QUEUE_AGE_DAYS, how many queued disputes were escalated at
 * least that many days before `now` (the other filters applied, the facet's own bound not), in one
 * query over the escalatedAt index.
 */
export async function queueAgeCounts(
    reads: DataSource,
    filter: QueueFilter,
    now: Date
): Promise<Record<string, number>> {
    const others = {
        ...filter,
        conditions: filter.conditions.filter((c) => !(c.field === 'escalatedAt' && c.op === 'lte')),
    };
    const qb = filteredQuery(reads, disputesResource, others).select([]);
    for (const days of QUEUE_AGE_DAYS) {
        const bound = toDbTimestamp(new Date(now.getTime() - days * DAY_MS));
        qb.addSelect(`SUM(CASE WHEN dispute.escalatedAt <= :age${days} THEN 1 ELSE 0 END)`, `age${days}`);
        qb.setParameter(`age${days}`, bound);
    }
    const row = ((await qb.getRawOne()) ?? {}) as Record<string, unknown>;
    return Object.fromEntries(QUEUE_AGE_DAYS.map((days) => [String(days), Number(row[`age${days}`] ?? 0)]));
}
