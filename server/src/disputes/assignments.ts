import type { EntityManager } from 'typeorm';
import { HELD_STATUSES } from '../../../shared/lifecycle';
import type { Policy } from '../../../shared/policy';
import { lockRow, writesSerialized } from '../db/locks';
import { Dispute, Staff } from '../entities';
import { conflict, notFound, unprocessable } from '../http/HttpError';
import type { DisputeActor } from './disputeActor';
import { applyTransition, lockDispute } from './recorder';

/**
 * The staff member who takes a dispute, locked on PostgreSQL so that one person's claims take
 * turns and the caseload limit holds across processes. On SQLite the write transaction already
 * runs alone, so the signed-in staff record will do.
 */
export async function lockStaff(manager: EntityManager, staffId: number, known?: Staff): Promise<Staff> {
    if (known?.id === staffId && writesSerialized) return known;
    const staff = await lockRow(manager, Staff, staffId);
    if (!staff) throw notFound(`Staff member #${staffId} does not exist`);
    return staff;
}

/** 409 when the staff member already holds as many disputes in review as the policy allows. */
export async function assertCaseload(manager: EntityManager, policy: Policy, staff: Staff): Promise<void> {
    const held = await manager
        .getRepository(Dispute)
        .createQueryBuilder('dispute')
        .where('dispute.assigneeId = :id AND dispute.status IN (:...held)', {
            id: staff.id,
            held: HELD_STATUSES,
        })
        .getCount();
    const limit = policy.maxCasesPerMediator;
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

/** Gives a locked, queued dispute to the staff member. */
export function claim(manager: EntityManager, dispute: Dispute, staff: Staff, actor: DisputeActor, at: Date) {
    return applyTransition(manager, dispute, 'pickup', actor, {
        changes: { assigneeId: staff.id, assignedAt: at },
        at,
    });
}

/** Exactly one of several racing mediators wins; the others learn who holds it. */
export async function pickUp(
    manager: EntityManager,
    policy: Policy,
    disputeId: number,
    actor: DisputeActor,
    at: Date
): Promise<Dispute> {
    const staff = await lockStaff(manager, actor.staffId!, actor.staff);
    const dispute = await lockDispute(manager, disputeId);
    if (dispute.status === 'escalated' && dispute.assigneeId === null) {
        await assertCaseload(manager, policy, staff);
        return claim(manager, dispute, staff, actor, at);
    }
    if (dispute.assigneeId !== null) {
        const who = dispute.assigneeId === staff.id ? 'you' : await holderName(manager, dispute);
        throw conflict(`Dispute ${disputeId} is already held by ${who} (${dispute.status})`);
    }
    return applyTransition(manager, dispute, 'pickup', actor, { at });
}

/** Back to the queue; `dispute` is locked and its holder's permission already checked on it. */
export function release(
    manager: EntityManager,
    dispute: Dispute,
    actor: DisputeActor,
    at: Date
): Promise<Dispute> {
    return applyTransition(manager, dispute, 'release', actor, {
        changes: { assigneeId: null, assignedAt: null },
        at,
    });
}

/** Supervisor: gives a queued or held dispute to a mediator. */
export async function assign(
    manager: EntityManager,
    policy: Policy,
    disputeId: number,
    staffId: number,
    actor: DisputeActor,
    at: Date
): Promise<Dispute> {
    const target = await lockRow(manager, Staff, staffId);
    if (!target) throw unprocessable(`staff ${staffId} does not exist`, { staffId: 'unknown staff member' });
    if (!target.active || target.role === 'support') {
        throw unprocessable(
            `${target.fullName} cannot hold disputes (${target.active ? target.role : 'inactive'})`,
            { staffId: 'must be an active mediator or supervisor' }
        );
    }
    const dispute = await lockDispute(manager, disputeId);
    if (dispute.assigneeId === staffId)
        throw conflict(`Dispute ${disputeId} is already assigned to ${target.fullName}`);
    await assertCaseload(manager, policy, target);
    return applyTransition(manager, dispute, 'assign', actor, {
        changes: { assigneeId: staffId, assignedAt: at },
        details: { assignedTo: staffId, previousAssigneeId: dispute.assigneeId },
        at,
    });
}
