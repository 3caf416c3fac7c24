/** The records of the deliveries screen, as the shared schemas describe them. */
export type { OutboxEvent, WebhookDelivery } from '../../../shared/schemas/records';
