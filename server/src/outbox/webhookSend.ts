/**
 * One attempt to deliver an outbox event: the body, signed in the Standard Webhooks scheme, POSTed
 * to the marketplace with a timeout, outside any transaction; what came back, for the delivery row.
 */
import type { WebhookConfig } from '../config';
import type { OutboxEvent } from '../entities';
import { signWebhook, webhookId } from './webhookSignature';

/** How much of the receiver's answer a delivery row keeps. */
export const RESPONSE_BODY_LIMIT = 2048;

export interface AttemptResult {
    ok: boolean;
    responseStatus: number | null;
    error: string | null;
    responseBody: string | null;
    durationMs: number;
    attemptedAt: Date;
}

/** The body the marketplace receives: the same bytes on every attempt of one event. */
export function webhookBody(event: OutboxEvent): string {
    return JSON.stringify({
        id: webhookId(event.id),
        type: event.type,
        timestamp: event.createdAt.toISOString(),
        audience: event.audience,
        data: event.payload,
    });
}

/** Reads at most `limit` bytes of an answer, then lets the rest go. */
async function readLimited(response: Response, limit: number): Promise<string> {
    if (!response.body) return '';
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
        while (size < limit) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value);
            size += value.byteLength;
        }
    } finally {
        await reader.cancel().catch(() => undefined);
    }
    const bytes = Buffer.concat(chunks).subarray(0, limit);
    return new TextDecoder().decode(bytes);
}

function describeFailure(err: unknown, timedOut: boolean, timeoutMs: number): string {
    if (timedOut) return `timeout after ${timeoutMs} ms`;
    const error = err as Error & { cause?: { code?: string; message?: string } };
    const cause = error.cause?.code ?? error.cause?.message;
    return cause ? `${error.message}: ${cause}` : error.message;
}

/** One signed POST, outside any transaction. */
export async function sendOnce(webhook: WebhookConfig, event: OutboxEvent, at: Date): Promise<AttemptResult> {
    const body = webhookBody(event);
    const headers = signWebhook(webhook.secret, webhookId(event.id), body, at);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
    }, webhook.timeoutMs);
    const started = performance.now();
    const finish = (fields: Omit<AttemptResult, 'durationMs' | 'attemptedAt'>): AttemptResult => ({
        ...fields,
        durationMs: Math.round(performance.now() - started),
        attemptedAt: at,
    });
    try {
        const response = await fetch(webhook.url!, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body,
            redirect: 'manual',
            signal: controller.signal,
        });
        const text = await readLimited(response, RESPONSE_BODY_LIMIT);
        const ok = response.status >= 200 && response.status < 300;
        return finish({
            ok,
            responseStatus: response.status,
            error: ok ? null : `HTTP ${response.status}`,
            responseBody: text || null,
        });
    } catch (err) {
        return finish({
            ok: false,
            responseStatus: null,
            error: describeFailure(err, timedOut, webhook.timeoutMs),
            responseBody: null,
        });
    } finally {
        clearTimeout(timer);
    }
}
