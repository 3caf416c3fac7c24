import { DisputeEvent } from '../entities';
import { columns, defineResource } from '../rest/Resource';

/** The lifecycle steps of a dispute (written only by disputes/recorder.ts), read-only. */
export const disputeEventsResource = defineResource({
    name: 'dispute-events',
    entity: DisputeEvent,
    alias: 'event',
    joins: { actor: (qb) => qb.leftJoin('staff', 'actor', 'actor.id = event.actorStaffId') },
    fields: {
        ...columns('event', {
            disputeId: { type: 'int', filter: true, sort: true },
            action: { type: 'string', filter: true },
            fromStatus: { type: 'string', filter: true },
            toStatus: { type: 'string', filter: true },
            actorKind: { type: 'string', filter: true },
            actorStaffId: { type: 'int', filter: true },
            note: { type: 'string' },
            occurredAt: { type: 'date', range: true, sort: true },
        }),
        actorName: { column: 'actor.fullName', type: 'string', join: 'actor' },
    },
    defaultSort: ['occurredAt', 'ASC'],
});
