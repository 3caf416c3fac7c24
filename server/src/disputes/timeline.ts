import type { AppContext } from '../appContext';
import { attachmentsResource } from '../evidence/attachmentsResource';
import { evidenceRequestsResource } from '../evidence/evidenceRequestsResource';
import { messagesResource } from '../messages/messagesResource';
import { offersResource } from '../offers/offersResource';
import { disputeEventsResource } from './disputeEventsResource';
import { decisionsResource } from '../decisions/decisionsResource';
import { readsOf } from '../db/readers';
import { listStatements, toRecord } from '../rest/resourceQuery';
import type { Resource } from '../rest/Resource';
import { MAX_PAGE_ROWS } from '../rest/listParams';

export type TimelineKind = 'message' | 'offer' | 'attachment' | 'evidence_request' | 'decision' | 'event';

export interface TimelineEntry {
    id: string;
    kind: TimelineKind;
    at: string;
    record: Record<string, unknown>;
}

const SOURCES: [TimelineKind, Resource, string][] = [
    ['message', messagesResource, 'createdAt'],
    ['offer', offersResource, 'createdAt'],
    ['attachment', attachmentsResource, 'createdAt'],
    ['evidence_request', evidenceRequestsResource, 'createdAt'],
    ['decision', decisionsResource, 'createdAt'],
    ['event', disputeEventsResource, 'occurredAt'],
];

/**
 * Everything that happened on a dispute, oldest first: committed data, read on the read side
 * (db/readers.ts), one query per source (they run side by side on SQLite's read connections).
 */
export async function disputeTimeline(context: AppContext, disputeId: number): Promise<TimelineEntry[]> {
    const reads = readsOf(context.dataSource);
    const parts = await Promise.all(
        SOURCES.map(async ([kind, resource, at]) => {
            const { page } = listStatements(reads, resource, {
                conditions: [{ field: 'disputeId', op: 'eq', value: disputeId }],
                q: null,
                sort: { field: at, order: 'ASC' },
                offset: 0,
                limit: MAX_PAGE_ROWS,
            });
            const rows = (await reads.query(...page)) as Record<string, unknown>[];
            const records = rows.map((row) => toRecord(resource, row));
            // The same records as the resource's own answers (computed fields included).
            await resource.decorate?.(context, records);
            return records.map((record) => ({
                id: `${kind}-${record.id}`,
                kind,
                at: String(record[at]),
                record,
            }));
        })
    );
    return parts.flat().sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}
