import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { WebhookEventType } from '../../../shared/domain';
import { OutboxEvent } from '../entities';

/** An event for the marketplace, announced by a change and delivered after it commits. */
export interface OutboxMessage {
    type: WebhookEventType;
    disputeId: number | null;
    /** Whose words the payload is in: the buyer's, the seller's, or null for both. */
    audience: 'buyer' | 'seller' | null;
    payload: Record<string, unknown>;
}

/** Queues events in the caller's transaction: they exist exactly when the change they announce does. */
export async function enqueue(manager: EntityManager, messages: OutboxMessage[], at: Date): Promise<void> {
    if (messages.length === 0) return;
    const rows: Omit<OutboxEvent, 'id'>[] = messages.map((message) => ({
        type: message.type,
        disputeId: message.disputeId,
        audience: message.audience,
        payload: message.payload,
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: at,
        lastError: null,
        deliveredAt: null,
        leaseHolder: null,
        leaseUntil: null,
        createdAt: at,
    }));
    // The payload is a simple-json column, which TypeORM's partial-entity type does not model.
    // Every column is given: nothing to read back (TypeORM would, one OR per row).
    await manager
        .createQueryBuilder()
        .insert()
        .into(OutboxEvent)
        .values(rows as QueryDeepPartialEntity<OutboxEvent>[])
        .updateEntity(false)
        .execute();
}
