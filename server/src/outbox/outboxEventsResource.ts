import { OUTBOX_STATUSES, PARTIES, WEBHOOK_EVENT_TYPES } from '../../../shared/domain';
import { OutboxEvent } from '../entities';
import { columns, defineResource } from '../rest/Resource';

/** Events for the marketplace and where their delivery stands (supervisors' console). */
export const outboxEventsResource = defineResource({
    name: 'outbox-events',
    entity: OutboxEvent,
    alias: 'outbox',
    fields: {
        ...columns('outbox', {
            type: { type: 'string', filter: true, sort: true, values: WEBHOOK_EVENT_TYPES },
            disputeId: { type: 'int', filter: true, sort: true },
            audience: { type: 'string', filter: true, values: PARTIES },
            payload: { type: 'json' },
            status: { type: 'string', filter: true, sort: true, values: OUTBOX_STATUSES },
            attempts: { type: 'int', range: true, sort: true },
            nextAttemptAt: { type: 'date', range: true, sort: true },
            lastError: { type: 'string' },
            deliveredAt: { type: 'date', range: true, sort: true },
            createdAt: { type: 'date', range: true, sort: true },
        }),
    },
    search: ['id', 'disputeId', 'type', 'lastError'],
    defaultSort: ['id', 'DESC'],
});
