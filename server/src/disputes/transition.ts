import type { EntityManager } from 'typeorm';
import { allowedActions, nextStatus, TRANSITIONS, type DisputeAction } from '../../../shared/lifecycle';
import { appendAudit } from '../audit/auditLog';
import { dbKind } from '../db/dbKind';
import { Dispute, DisputeEvent } from '../entities';
import { conflict, notFound } from '../http/HttpError';
import type { DisputeActor } from './disputeActor';

/** Loads a dispute inside a transaction, locking its row on PostgreSQL. */
export async function lockDispute(manager: EntityManager, id: number): Promise<Dispute> {
    const qb = manager.getRepository(Dispute).createQueryBuilder('dispute').where('dispute.id = :id', { id });
    if (dbKind === 'postgres') qb.setLock('pessimistic_write');
    const dispute = await qb.getOne();
    if (!dispute) throw notFound(`disputes ${id} does not exist`);
    return dispute;
}

function label(action: string): string {
    return action.replace(/_/g, ' ');
}

/** 409 naming the state and what may be done in it. */
export function notAllowed(dispute: Dispute, action: DisputeAction, actor: DisputeActor) {
    const allowed = allowedActions(dispute.status, actor.kind);
    return conflict(
        `Cannot ${label(action)} dispute ${dispute.id}: it is ${dispute.status}. ` +
            (allowed.length ? `Allowed now: ${allowed.map(label).join(', ')}.` : 'No action is allowed now.')
    );
}

/** 409 unless the transitions table lets this actor take this action in the dispute's state. */
export function assertAllowed(dispute: Dispute, action: DisputeAction, actor: DisputeActor): void {
    if (!nextStatus(action, dispute) || !TRANSITIONS[action].by.includes(actor.kind)) {
        throw notAllowed(dispute, action, actor);
    }
}

export interface TransitionOptions {
    /** Column changes besides status and version. */
    changes?: Partial<Dispute>;
    note?: string | null;
    /** Extra audit details. */
    details?: Record<string, unknown>;
    at: Date;
}

/**
 * Moves a locked dispute through the lifecycle table: checks the action is allowed in its state
 * and for this actor (409 otherwise), writes the change with a version check, a timeline entry
 * and an audit event.
 */
export async function applyTransition(
    manager: EntityManager,
    dispute: Dispute,
    action: DisputeAction,
    actor: DisputeActor,
    options: TransitionOptions
): Promise<Dispute> {
    assertAllowed(dispute, action, actor);
    const to = nextStatus(action, dispute)!;
    const changes: Partial<Dispute> = {
        ...options.changes,
        status: to,
        version: dispute.version + 1,
        updatedAt: options.at,
    };
    const result = await manager
        .createQueryBuilder()
        .update(Dispute)
        .set(changes)
        .where('id = :id AND version = :version', { id: dispute.id, version: dispute.version })
        .execute();
    if (result.affected !== 1)
        throw conflict(`Dispute ${dispute.id} was changed by someone else; reload and try again`);
    const after = Object.assign(new Dispute(), dispute, changes);
    await recordTransition(manager, dispute, after, action, actor, options);
    return after;
}

/** The timeline entry and the audit event of a transition already written. */
export async function recordTransition(
    manager: EntityManager,
    before: Pick<Dispute, 'id' | 'status' | 'assigneeId' | 'version'>,
    after: Pick<Dispute, 'status' | 'assigneeId' | 'version'>,
    action: DisputeAction,
    actor: DisputeActor,
    options: Pick<TransitionOptions, 'note' | 'details' | 'at'>
): Promise<void> {
    await manager.getRepository(DisputeEvent).insert({
        disputeId: before.id,
        action,
        fromStatus: before.status,
        toStatus: after.status,
        actorKind: actor.kind,
        actorStaffId: actor.staffId,
        note: options.note ?? null,
        occurredAt: options.at,
    });
    await appendAudit(
        manager,
        actor.audit,
        {
            action: `dispute.${action}`,
            entity: 'dispute',
            entityId: before.id,
            before: { status: before.status, assigneeId: before.assigneeId, version: before.version },
            after: {
                status: after.status,
                assigneeId: after.assigneeId,
                version: after.version,
                ...options.details,
            },
        },
        options.at
    );
}
