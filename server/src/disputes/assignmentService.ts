import type { EntityManager } from 'typeorm';
import { HELD_STATUSES, nextStatus } from '../../../shared/lifecycle';
import type { DisputeStatus } from '../../../shared/domain';
import type { AppContext } from '../appContext';
import { dbKind } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { Dispute, Staff } from '../entities';
import { conflict, notFound, unprocessable } from '../http/HttpError';
import type { DisputeActor } from './disputeActor';
import { applyTransition, lockDispute, recordTransition } from './transition';

/**
 * Serializes one staff member's claims on PostgreSQL so the caseload limit holds across processes.
 * On SQLite the write transaction already runs alone, so the signed-in staff record will do.
 */
async function lockStaff(manager: EntityManager, staffId: number, known?: Staff): Promise<Staff> {
    if (dbKind === 'sqlite' && known?.id === staffId) return known;
    const qb = manager
        .getRepository(Staff)
        .createQueryBuilder('staff')
        .where('staff.id = :staffId', { staffId });
    if (dbKind === 'postgres') qb.setLock('pessimistic_write');
    const staff = await qb.getOne();
    if (!staff) throw notFound(`staff ${staffId} does not exist`);
    return staff;
}

async function assertCaseload(manager: EntityManager, context: AppContext, staff: Staff): Promise<void> {
    const held = await manager
        .getRepository(Dispute)
        .createQueryBuilder('dispute')
        .where('dispute.assigneeId = :id AND dispute.status IN (:...held)', {
            id: staff.id,
            held: HELD_STATUSES,
        })
        .getCount();
    const limit = context.config.policy.maxCasesPerMediator;
    if (held >= limit) {
        throw conflict(
            `${staff.fullName} already holds ${held} disputes in review, the limit is ${limit}; finish or release one first`
        );
    }
}

async function holderName(manager: EntityManager, dispute: Dispute): Promise<string> {
    if (!dispute.assigneeId) return 'nobody';
    const holder = await manager.getRepository(Staff).findOneBy({ id: dispute.assigneeId });
    return holder?.fullName ?? `staff ${dispute.assigneeId}`;
}

async function claim(
    manager: EntityManager,
    context: AppContext,
    dispute: Dispute,
    staff: Staff,
    actor: DisputeActor
) {
    const at = context.clock.now();
    return applyTransition(manager, dispute, 'pickup', actor, {
        changes: { assigneeId: staff.id, assignedAt: at },
        at,
    });
}

/** Where `next` finds its dispute: the queue's query, bound to the caller's filters. */
export interface QueueSource {
    mostUrgent(manager: EntityManager): Promise<Dispute | null>;
    claimMostUrgent(
        manager: EntityManager,
        claim: { staffId: number; to: DisputeStatus; at: Date; limit: number }
    ): Promise<{ id: number; version: number } | null>;
}

/** Queue claims: pick up one dispute, take the next most urgent, release, (re)assign. */
export function assignmentService(context: AppContext) {
    const { dataSource, clock } = context;
    return {
        /** Exactly one of several racing mediators wins; the others learn who holds it. */
        pickUp(disputeId: number, actor: DisputeActor): Promise<Dispute> {
            return writeTransaction(dataSource, async (manager) => {
                const staff = await lockStaff(manager, actor.staffId!, actor.staff);
                const dispute = await lockDispute(manager, disputeId);
                if (dispute.status === 'escalated' && dispute.assigneeId === null) {
                    await assertCaseload(manager, context, staff);
                    return claim(manager, context, dispute, staff, actor);
                }
                if (dispute.assigneeId !== null) {
                    const who = dispute.assigneeId === staff.id ? 'you' : await holderName(manager, dispute);
                    throw conflict(`Dispute ${disputeId} is already held by ${who} (${dispute.status})`);
                }
                return applyTransition(manager, dispute, 'pickup', actor, { at: clock.now() });
            });
        },

        /**
         * Claims the most urgent unassigned dispute matching the queue's filter; null when none.
         * On SQLite the claim is one statement (this runs alone in the serialized write
         * transaction, and every statement there costs throughput); on PostgreSQL the row is
         * locked with SKIP LOCKED and claimed through the transitions table as usual.
         */
        async next(actor: DisputeActor, queue: QueueSource): Promise<number | null> {
            return writeTransaction(dataSource, async (manager) => {
                const staff = await lockStaff(manager, actor.staffId!, actor.staff);
                const at = clock.now();
                if (dbKind === 'sqlite') {
                    const to = nextStatus('pickup', { status: 'escalated', assigneeId: null })!;
                    const limit = context.config.policy.maxCasesPerMediator;
                    const claimed = await queue.claimMostUrgent(manager, {
                        staffId: staff.id,
                        to,
                        at,
                        limit,
                    });
                    if (!claimed) {
                        await assertCaseload(manager, context, staff);
                        return null;
                    }
                    const before = {
                        id: claimed.id,
                        status: 'escalated' as const,
                        assigneeId: null,
                        version: claimed.version - 1,
                    };
                    await recordTransition(
                        manager,
                        before,
                        { status: to, assigneeId: staff.id, version: claimed.version },
                        'pickup',
                        actor,
                        { at }
                    );
                    return claimed.id;
                }
                await assertCaseload(manager, context, staff);
                const dispute = await queue.mostUrgent(manager);
                return dispute && (await claim(manager, context, dispute, staff, actor)).id;
            });
        },

        /** `expectedAssigneeId`: the holder the caller's permission was checked against. */
        release(disputeId: number, actor: DisputeActor, expectedAssigneeId: number | null): Promise<Dispute> {
            return writeTransaction(dataSource, async (manager) => {
                const dispute = await lockDispute(manager, disputeId);
                if (dispute.assigneeId !== expectedAssigneeId) {
                    throw conflict(`Dispute ${disputeId} was reassigned meanwhile; reload and try again`);
                }
                return applyTransition(manager, dispute, 'release', actor, {
                    changes: { assigneeId: null, assignedAt: null },
                    at: clock.now(),
                });
            });
        },

        /** Supervisor: gives a queued or held dispute to a mediator. */
        assign(disputeId: number, staffId: number, actor: DisputeActor): Promise<Dispute> {
            return writeTransaction(dataSource, async (manager) => {
                const target = await lockStaff(manager, staffId).catch(() => {
                    throw unprocessable(`staff ${staffId} does not exist`, {
                        staffId: 'unknown staff member',
                    });
                });
                if (!target.active || target.role === 'support') {
                    throw unprocessable(
                        `${target.fullName} cannot hold disputes (${target.active ? target.role : 'inactive'})`,
                        {
                            staffId: 'must be an active mediator or supervisor',
                        }
                    );
                }
                const dispute = await lockDispute(manager, disputeId);
                if (dispute.assigneeId === staffId)
                    throw conflict(`Dispute ${disputeId} is already assigned to ${target.fullName}`);
                await assertCaseload(manager, context, target);
                const at = clock.now();
                return applyTransition(manager, dispute, 'assign', actor, {
                    changes: { assigneeId: staffId, assignedAt: at },
                    details: { assignedTo: staffId, previousAssigneeId: dispute.assigneeId },
                    at,
                });
            });
        },
    };
}
