import type { fetchUtils, Identifier } from 'react-admin';
import type { RulingInput } from '../../../shared/schemas/rulings';
import type { Guidance } from '../../../shared/precedents';
import type { OutboxEvent } from '../outboxEvents/outboxTypes';
import type { Decision } from '../types';

type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<{ json: unknown }>;

/** Rulings, their four-eyes answers and overturns, the guidance beside the form, outbox replays. */
export interface RulingWorkflow {
    /** POST /api/disputes/:id/decision; the same key and body replay the first answer. */
    rule(disputeId: Identifier, input: RulingInput, idempotencyKey: string): Promise<Decision>;
    approveDecision(decisionId: Identifier, comment?: string): Promise<Decision>;
    rejectDecision(decisionId: Identifier, comment: string): Promise<Decision>;
    overturnDecision(decisionId: Identifier, reason: string): Promise<Decision>;
    getGuidance(disputeId: Identifier): Promise<Guidance>;
    replayOutboxEvent(eventId: Identifier): Promise<OutboxEvent>;
    /** GET /api/outbox-events/delivery: whether webhooks are configured at all. */
    webhookDelivery(): Promise<{ configured: boolean; host: string | null }>;
}

export function rulingWorkflow(apiUrl: string, httpClient: HttpClient): RulingWorkflow {
    const id = (value: Identifier) => encodeURIComponent(String(value));
    const post = async <T>(path: string, body: object, headers?: Record<string, string>) => {
        const { json } = await httpClient(`${apiUrl}${path}`, {
            method: 'POST',
            body: JSON.stringify(body),
            headers: headers && new Headers({ Accept: 'application/json', ...headers }),
        });
        return json as T;
    };
    return {
        rule: (disputeId, input, idempotencyKey) =>
            post(`/disputes/${id(disputeId)}/decision`, input, { 'Idempotency-Key': idempotencyKey }),
        approveDecision: (decisionId, comment) =>
            post(`/decisions/${id(decisionId)}/approve`, comment ? { comment } : {}),
        rejectDecision: (decisionId, comment) => post(`/decisions/${id(decisionId)}/reject`, { comment }),
        overturnDecision: (decisionId, reason) => post(`/decisions/${id(decisionId)}/overturn`, { reason }),
        webhookDelivery: async () => {
            const { json } = await httpClient(`${apiUrl}/outbox-events/delivery`);
            return json as { configured: boolean; host: string | null };
        },
        getGuidance: async (disputeId) => {
            const { json } = await httpClient(`${apiUrl}/disputes/${id(disputeId)}/guidance`);
            return json as Guidance;
        },
        replayOutboxEvent: (eventId) => post(`/outbox-events/${id(eventId)}/replay`, {}),
    };
}
