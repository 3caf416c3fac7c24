import type { EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/auditLog';
import { appendAudit } from '../audit/auditLog';
import { forgetFailures } from '../auth/loginThrottle';
import { revokeSessions } from '../auth/sessions';
import { lockRow } from '../db/locks';
import { Staff } from '../entities';
import { conflict, notFound } from '../http/HttpError';
import type { StaffCreateInput, StaffUpdateInput } from '../../../shared/schemas/staff';

function publicFields(staff: Staff) {
    return { email: staff.email, fullName: staff.fullName, role: staff.role, active: staff.active };
}

/**
 * Staff management, inside the caller's transaction: every change is audited; deactivation and
 * password resets end sessions, and a password reset lifts the sign-in lockout. Passwords are
 * hashed by the caller before the transaction (a slow hash must not hold the writer).
 */
export async function createStaff(
    manager: EntityManager,
    actor: AuditActor,
    input: Omit<StaffCreateInput, 'password'> & { passwordHash: string },
    at: Date
): Promise<number> {
    const repo = manager.getRepository(Staff);
    if (await repo.exist({ where: { email: input.email } })) throw staffEmailTaken(input.email);
    const staff = await repo.save(
        repo.create({
            email: input.email,
            fullName: input.fullName,
            role: input.role,
            passwordHash: input.passwordHash,
            active: true,
        })
    );
    await appendAudit(
        manager,
        actor,
        { action: 'staff.create', entity: 'staff', entityId: staff.id, after: publicFields(staff) },
        at
    );
    return staff.id;
}

/** 409 for an email another staff member has (also what the unique index's refusal means). */
export function staffEmailTaken(email: string) {
    return conflict(`A staff member with email ${email} already exists`);
}

export async function updateStaff(
    manager: EntityManager,
    actor: AuditActor,
    id: number,
    input: StaffUpdateInput,
    at: Date
): Promise<void> {
    const repo = manager.getRepository(Staff);
    const staff = await lockRow(manager, Staff, id);
    if (!staff) throw notFound(`Staff member #${id} does not exist`);
    if (actor.actorId === id && (input.active === false || (input.role && input.role !== staff.role))) {
        throw conflict('You cannot deactivate yourself or change your own role');
    }
    const before = publicFields(staff);
    await repo.update({ id }, input);
    const after = { ...before, ...input };
    if (input.active === false && staff.active) await revokeSessions(manager, id, at);
    const action =
        input.active === false
            ? 'staff.deactivate'
            : input.active === true && !staff.active
              ? 'staff.activate'
              : input.role && input.role !== staff.role
                ? 'staff.change_role'
                : 'staff.update';
    await appendAudit(manager, actor, { action, entity: 'staff', entityId: id, before, after }, at);
}

export async function resetStaffPassword(
    manager: EntityManager,
    actor: AuditActor,
    id: number,
    passwordHash: string,
    at: Date
): Promise<void> {
    const repo = manager.getRepository(Staff);
    const staff = await lockRow(manager, Staff, id);
    if (!staff) throw notFound(`Staff member #${id} does not exist`);
    await repo.update({ id }, { passwordHash });
    await forgetFailures(manager, staff.email);
    await revokeSessions(manager, id, at);
    await appendAudit(manager, actor, { action: 'staff.reset_password', entity: 'staff', entityId: id }, at);
}
