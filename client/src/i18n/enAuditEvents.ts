/** The audit log, under `resources.audit-events.*`. */
export const enAuditEvents = {
    name: 'Audit event |||| Audit log',
    fields: {
        id: 'Event',
        occurredAt: 'When',
        actorId: 'Actor',
        actorRole: 'Actor role',
        action: 'Action',
        entity: 'Entity',
        entityId: 'Entity id',
        before: 'Before',
        after: 'After',
        requestId: 'Request id',
        ip: 'IP address',
        outcome: 'Outcome',
        prevHash: 'Previous hash',
        hash: 'Hash',
        occurredAt_gte: 'From',
        occurredAt_lte: 'Until',
    },
    sections: {
        event: 'Event',
        change: 'Change',
        chain: 'Hash chain',
    },
    verify: {
        button: 'Verify chain',
        title: 'Audit chain verification',
        running: 'Walking the hash chain…',
        ok: 'The chain is intact: %{smart_count} event checked |||| The chain is intact: %{smart_count} events checked',
        broken: 'The chain is broken at event #%{id}: %{reason}.',
        checked:
            '%{smart_count} event checked before the break |||| %{smart_count} events checked up to the break',
        open_event: 'Open event #%{id}',
        close: 'Close',
    },
};
