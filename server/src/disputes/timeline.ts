import type { DataSource } from 'typeorm';
import {
    attachmentsResource,
    disputeEventsResource,
    evidenceRequestsResource,
    messagesResource,
    offersResource,
} from '../evidence/evidenceResources';
import { decisionsResource } from '../decisions/decisionsResources';
import { listRecords } from '../rest/resourceQuery';
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

/** Everything that happened on a dispute, oldest first. */
export async function disputeTimeline(dataSource: DataSource, disputeId: number): Promise<TimelineEntry[]> {
    const parts = await Promise.all(
        SOURCES.map(async ([kind, resource, at]) => {
            const { records } = await listRecords(dataSource, resource, {
                conditions: [{ field: 'disputeId', op: 'eq', value: disputeId }],
                q: null,
                sort: { field: at, order: 'ASC' },
                offset: 0,
                limit: MAX_PAGE_ROWS,
            });
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
