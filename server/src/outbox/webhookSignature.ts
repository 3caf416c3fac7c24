import { createHmac } from 'node:crypto';

/** The Standard Webhooks headers of one attempt: `webhook-id`, `webhook-timestamp`, `webhook-signature`. */
export interface WebhookHeaders {
    'webhook-id': string;
    'webhook-timestamp': string;
    'webhook-signature': string;
}

/** The id the marketplace sees for an outbox event: the same on every attempt and replay. */
export function webhookId(outboxEventId: number): string {
    return `evt_${outboxEventId}`;
}

/** `v1,<base64 HMAC-SHA256(secret, "id.timestamp.body")>`. */
export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
    const mac = createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64');
    return `v1,${mac}`;
}

/** Signs a body sent at `at` (the timestamp is in whole seconds). */
export function signWebhook(secret: string, id: string, body: string, at: Date): WebhookHeaders {
    const timestamp = Math.floor(at.getTime() / 1000);
    return {
        'webhook-id': id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': webhookSignature(secret, id, timestamp, body),
    };
}
