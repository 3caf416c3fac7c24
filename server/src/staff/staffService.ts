import { QueryFailedError } from 'typeorm';
import type { AuditActor } from '../audit/auditLog';
import { appendAudit } from '../audit/auditLog';
import type { AppContext } from '../appContext';
import { hashPassword } from '../auth/password';
import { revokeSessions } from '../auth/sessions';
import { writeTransaction } from '../db/transaction';
import { Staff } from '../entities';
import { conflict, notFound } from '../http/HttpError';
import type { StaffCreateInput, StaffUpdateInput } from '../../../shared/schemas/staff';

/** A unique index refused the row (PostgreSQL 23505, SQLite UNIQUE constraint). */
function isUniqueViolation(err: unknown): boolean {
    if (!(err instanceof QueryFailedError)) return false;
    const code = (err.driverError as { code?: string } | undefined)?.code;
    return code === '23505' || /UNIQUE constraint failed/i.test(err.message);
}

function publicFields(staff: Staff) {
    return { email: staff.email, fullName: staff.fullName, role: staff.role, active: staff.active };
}

/** Staff management: every change is audited; deactivation and password resets end sessions. */
export function staffService({ dataSource, clock }: AppContext) {
    return {
        async create(actor: AuditActor, input: StaffCreateInput): Promise<number> {
            const passwordHash = await hashPassword(input.password);
            const taken = () => conflict(`A staff member with email ${input.email} already exists`);
            try {
                return await writeTransaction(dataSource, async (manager) => {
                    const repo = manager.getRepository(Staff);
                    if (await repo.exist({ where: { email: input.email } })) throw taken();
                    const staff = await repo.save(
                        repo.create({
                            email: input.email,
                            fullName: input.fullName,
                            role: input.role,
                            passwordHash,
                            active: true,
                        })
                    );
                    await appendAudit(
                        manager,
                        actor,
                        {
                            action: 'staff.create',
                            entity: 'staff',
                            entityId: staff.id,
                            after: publicFields(staff),
                        },
                        clock.now()
                    );
                    return staff.id;
                });
            } catch (err) {
                // Two concurrent creates both pass the check above; the unique index stops the second.
                if (isUniqueViolation(err)) throw taken();
                throw err;
            }
        },

        async update(actor: AuditActor, id: number, input: StaffUpdateInput): Promise<void> {
            await writeTransaction(dataSource, async (manager) => {
                const repo = manager.getRepository(Staff);
                const staff = await repo.findOneBy({ id });
                if (!staff) throw notFound(`staff ${id} does not exist`);
                if (
                    actor.actorId === id &&
                    (input.active === false || (input.role && input.role !== staff.role))
                ) {
                    throw conflict('You cannot deactivate yourself or change your own role');
                }
                const before = publicFields(staff);
                await repo.update({ id }, input);
                const after = { ...before, ...input };
                if (input.active === false && staff.active) await revokeSessions(manager, id, clock.now());
                const action =
                    input.active === false
                        ? 'staff.deactivate'
                        : input.active === true && !staff.active
                          ? 'staff.activate'
                          : input.role && input.role !== staff.role
                            ? 'staff.change_role'
                            : 'staff.update';
                await appendAudit(
                    manager,
                    actor,
                    { action, entity: 'staff', entityId: id, before, after },
                    clock.now()
                );
            });
        },

        async resetPassword(actor: AuditActor, id: number, password: string): Promise<void> {
            const passwordHash = await hashPassword(password);
            await writeTransaction(dataSource, async (manager) => {
                const repo = manager.getRepository(Staff);
                if (!(await repo.exist({ where: { id } }))) throw notFound(`staff ${id} does not exist`);
                await repo.update({ id }, { passwordHash, failedLoginCount: 0, lockedUntil: null });
                await revokeSessions(manager, id, clock.now());
                await appendAudit(
                    manager,
                    actor,
                    { action: 'staff.reset_password', entity: 'staff', entityId: id },
                    clock.now()
                );
            });
        },
    };
}
