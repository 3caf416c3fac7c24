import { WebhookDelivery } from '../entities';
import { columns, defineResource } from '../rest/Resource';

/** Every attempt to deliver an outbox event, with the receiver's answer. */
export const webhookDeliveriesResource = defineResource({
    name: 'webhook-deliveries',
    entity: WebhookDelivery,
    alias: 'delivery',
    joins: {
        event: (qb) => qb.innerJoin('outbox_event', 'event', 'event.id = delivery.outboxEventId'),
    },
    fields: {
        ...columns('delivery', {
            outboxEventId: { type: 'int', filter: true, sort: true },
            attempt: { type: 'int', sort: true },
            responseStatus: { type: 'int', filter: true, range: true, sort: true },
            error: { type: 'string' },
            responseBody: { type: 'string' },
            durationMs: { type: 'int', range: true, sort: true },
            attemptedAt: { type: 'date', range: true, sort: true },
        }),
        /** The dispute of the event delivered (filter only). */
        disputeId: { column: 'event.disputeId', type: 'int', filter: true, join: 'event', hidden: true },
    },
    defaultSort: ['id', 'DESC'],
});
