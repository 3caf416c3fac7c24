import { AuditEvent } from '../entities';
import { columns, defineResource } from '../rest/Resource';

export const auditEventsResource = defineResource({
    name: 'audit-events',
    entity: AuditEvent,
    alias: 'audit',
    fields: columns('audit', {
        occurredAt: { type: 'date', range: true, sort: true },
        actorId: { type: 'int', filter: true, sort: true },
        actorRole: { type: 'string', filter: true },
        action: { type: 'string', filter: true, sort: true },
        entity: { type: 'string', filter: true, sort: true },
        entityId: { type: 'string', filter: true },
        before: { type: 'json' },
        after: { type: 'json' },
        requestId: { type: 'string', filter: true },
        ip: { type: 'string', filter: true },
        outcome: { type: 'string', filter: true },
        prevHash: { type: 'string' },
        hash: { type: 'string' },
    }),
    search: ['action', 'entity', 'entityId'],
    defaultSort: ['id', 'DESC'],
});
