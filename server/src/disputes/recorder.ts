/**
 * The one recorder of dispute changes. Every status change and every event that affects a
 * dispute goes through here, inside the caller's transaction: the transitions table is checked,
 * the dispute row is written with a version check, and the timeline event, the audit event, the
 * outbox events and the counters are written with it. No other module writes `DisputeEvent` rows
 * or changes `dispute.status` (test/api/recorder.test.ts reads the source tree to hold that).
 */
import type { EntityManager } from 'typeorm';
import type { BuyerOutcomeCounter, DisputeStatus, SellerOutcomeCounter } from '../../../shared/domain';
import {
    allowedActions,
    nextStatus,
    TRANSITIONS,
    type DisputeAction,
    type DisputeEventKind,
} from '../../../shared/lifecycle';
import { appendAudit, type AuditEntry } from '../audit/auditLog';
import { recordStats } from '../dashboard/disputeStats';
import { lockRow } from '../db/locks';
import { insertBatched } from '../db/statementBatch';
import { Buyer, Dispute, Seller, type DisputeEvent } from '../entities';
import { conflict, notFound } from '../http/HttpError';
import { enqueue, type OutboxMessage } from '../outbox/outbox';
import { ratingCounters } from '../parties/ratingCounters';
import { rescoreParties } from '../parties/ratings';
import { noteDisputeChange } from '../live/liveNotes';
import type { DisputeActor } from './disputeActor';

/** A counter kept on a party's row, moved in the same transaction as the change it counts. */
export interface CounterChange {
    entity: typeof Buyer | typeof Seller;
    id: number;
    column:
        | 'disputesCount'
        | 'ordersCount'
        | BuyerOutcomeCounter
        | SellerOutcomeCounter
        | 'escalationsCount'
        | 'penaltyCount'
        | 'sellerTimeoutCount'
        | 'offersAcceptedCount';
    by: number;
}

export interface RecordOptions {
    note?: string | null;
    /** Extra audit details. */
    details?: Record<string, unknown>;
    outbox?: OutboxMessage[];
    counters?: CounterChange[];
    /** Audit events of the dispute's own records the change moved (an evidence request expiring). */
    recordAudits?: AuditEntry[];
    at: Date;
}

export interface TransitionOptions extends RecordOptions {
    /** Column changes besides status and version. */
    changes?: Partial<Dispute>;
}

type DisputeState = Pick<Dispute, 'id' | 'status' | 'assigneeId' | 'version'>;

/** Loads a dispute inside a transaction, locking its row on PostgreSQL; 404 when absent. */
export async function lockDispute(manager: EntityManager, id: number): Promise<Dispute> {
    const dispute = await lockRow(manager, Dispute, id);
    if (!dispute) throw notFound(`Dispute #${id} does not exist`);
    return dispute;
}

function label(action: string): string {
    return action.replace(/_/g, ' ');
}

/** 409 naming the state and what may be done in it. */
export function notAllowed(
    dispute: Pick<Dispute, 'id' | 'status'>,
    action: DisputeAction,
    actor: DisputeActor
) {
    const allowed = allowedActions(dispute.status, actor.kind);
    return conflict(
        `Cannot ${label(action)} dispute ${dispute.id}: it is ${dispute.status}. ` +
            (allowed.length ? `Allowed now: ${allowed.map(label).join(', ')}.` : 'No action is allowed now.')
    );
}

/** 409 unless the transitions table lets this actor take this action in the dispute's state. */
export function assertAllowed(
    dispute: Pick<Dispute, 'id' | 'status' | 'assigneeId'>,
    action: DisputeAction,
    actor: DisputeActor
): DisputeStatus {
    const to = nextStatus(action, dispute);
    if (!to || !TRANSITIONS[action].by.includes(actor.kind)) throw notAllowed(dispute, action, actor);
    return to;
}

/**
 * Moves a locked dispute through the lifecycle table: checks the action is allowed in its state
 * and for this actor (409 otherwise), writes the change with a version check, and records it.
 */
export async function applyTransition(
    manager: EntityManager,
    dispute: Dispute,
    action: DisputeAction,
    actor: DisputeActor,
    options: TransitionOptions
): Promise<Dispute> {
    const to = assertAllowed(dispute, action, actor);
    const changes: Partial<Dispute> = {
        ...options.changes,
        status: to,
        version: dispute.version + 1,
        updatedAt: options.at,
    };
    const after = await writeDispute(manager, dispute, changes);
    const counters = [
        ...(options.counters ?? []),
        ...(await ratingCounters(manager, dispute, action, actor)),
    ];
    await record(manager, dispute, after, action, actor, { ...options, counters });
    await recordStats(manager, dispute, after, action, options.at);
    return after;
}

/**
 * Records a transition that one conditional statement already wrote (the queue claim on SQLite,
 * whose WHERE clause guarantees the before-state): the same transitions-table check, then the
 * same timeline, audit and outbox writes. A refusal here rolls the statement back with the rest.
 */
export async function recordWrittenTransition(
    manager: EntityManager,
    before: DisputeState,
    after: Pick<Dispute, 'assigneeId' | 'version'>,
    action: DisputeAction,
    actor: DisputeActor,
    options: RecordOptions
): Promise<void> {
    const to = assertAllowed(before, action, actor);
    await record(manager, before, { ...after, status: to }, action, actor, options);
}

/** A new dispute: the row, its first timeline event, its audit event and the parties' counters. */
export async function recordOpening(
    manager: EntityManager,
    values: Omit<Dispute, 'id' | 'status' | 'version' | 'createdAt' | 'updatedAt'>,
    actor: DisputeActor,
    options: RecordOptions
): Promise<number> {
    const status: DisputeStatus = 'opened';
    const result = await manager
        .getRepository(Dispute)
        .insert({ ...values, status, version: 1, createdAt: options.at, updatedAt: options.at });
    const id = Number(result.identifiers[0].id);
    await writeRecord(manager, {
        disputeId: id,
        action: 'open',
        fromStatus: null,
        before: null,
        after: { status, assigneeId: null, version: 1 },
        actor,
        options,
    });
    return id;
}

/**
 * An event that leaves the dispute's status as it is (an SLA breach, an expired evidence
 * request); its `changes` (flags, never the status) are written only on the row as it was read.
 */
export async function recordEvent(
    manager: EntityManager,
    dispute: Dispute,
    kind: DisputeEventKind,
    actor: DisputeActor,
    options: TransitionOptions
): Promise<Dispute> {
    let after = dispute;
    if (options.changes && Object.keys(options.changes).length > 0) {
        // The version stays: an event moves no state a staff member is acting on, so it must not
        // turn their concurrent change into a conflict; the WHERE still refuses a stale row.
        const changes = { ...options.changes, updatedAt: options.at };
        if ('status' in changes) throw new Error('recordEvent cannot change a status: use applyTransition');
        after = await writeDispute(manager, dispute, changes);
    }
    await record(manager, dispute, after, kind, actor, options);
    await recordStats(manager, dispute, after, kind, options.at);
    return after;
}

/** Writes changes on the row as it was read (same version), or 409: someone else changed it. */
async function writeDispute(
    manager: EntityManager,
    dispute: Dispute,
    changes: Partial<Dispute>
): Promise<Dispute> {
    const result = await manager
        .createQueryBuilder()
        .update(Dispute)
        .set(changes)
        .where('id = :id AND version = :version', { id: dispute.id, version: dispute.version })
        .execute();
    if (result.affected !== 1)
        throw conflict(`Dispute ${dispute.id} was changed by someone else; reload and try again`);
    return Object.assign(new Dispute(), dispute, changes);
}

function record(
    manager: EntityManager,
    before: DisputeState,
    after: Pick<Dispute, 'status' | 'assigneeId' | 'version'>,
    action: DisputeAction | DisputeEventKind,
    actor: DisputeActor,
    options: RecordOptions
): Promise<void> {
    return writeRecord(manager, {
        disputeId: before.id,
        action,
        fromStatus: before.status,
        before: { status: before.status, assigneeId: before.assigneeId, version: before.version },
        after: { status: after.status, assigneeId: after.assigneeId, version: after.version },
        actor,
        options,
    });
}

async function writeRecord(
    manager: EntityManager,
    entry: {
        disputeId: number;
        action: DisputeAction | DisputeEventKind;
        fromStatus: DisputeStatus | null;
        before: Record<string, unknown> | null;
        after: { status: DisputeStatus; assigneeId: number | null; version: number };
        actor: DisputeActor;
        options: RecordOptions;
    }
): Promise<void> {
    const { disputeId, action, actor, options } = entry;
    const event: Omit<DisputeEvent, 'id'> = {
        disputeId,
        action,
        fromStatus: entry.fromStatus,
        toStatus: entry.after.status,
        actorKind: actor.kind,
        actorStaffId: actor.staffId,
        note: options.note ?? null,
        occurredAt: options.at,
    };
    await insertBatched(manager, 'dispute_event', event);
    await appendAudit(
        manager,
        actor.audit,
        {
            action: `dispute.${action}`,
            entity: 'dispute',
            entityId: disputeId,
            before: entry.before,
            after: { ...entry.after, ...options.details },
        },
        options.at
    );
    for (const audit of options.recordAudits ?? []) {
        await appendAudit(manager, actor.audit, audit, options.at);
    }
    for (const counter of options.counters ?? []) {
        await manager.increment(counter.entity, { id: counter.id }, counter.column, counter.by);
    }
    await rescoreParties(manager, options.counters ?? []);
    await enqueue(manager, options.outbox ?? [], options.at);
    noteDisputeChange(manager, {
        disputeId,
        status: entry.after.status,
        assigneeId: entry.after.assigneeId,
        kind: action,
        actorStaffId: actor.staffId,
    });
}
