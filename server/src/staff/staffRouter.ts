import { Router } from 'express';
import {
    passwordResetSchema,
    staffCreateSchema,
    staffUpdateSchema,
    type PasswordResetInput,
    type StaffCreateInput,
    type StaffUpdateInput,
} from '../../../shared/schemas/staff';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import { actorOf } from '../auth/requestAuth';
import { revokeAndAudit } from '../auth/sessionRevocation';
import { hashPassword } from '../auth/password';
import { isUniqueViolation } from '../db/errors';
import { writeTransaction } from '../db/transaction';
import { Staff } from '../entities';
import { notFound } from '../http/HttpError';
import { validateBody } from '../http/validate';
import { parseId } from '../rest/listParams';
import { getRecord } from '../rest/resourceReads';
import { validateUpdate } from '../rest/validateUpdate';
import { staffResource } from './staffResource';
import { createStaff, resetStaffPassword, staffEmailTaken, updateStaff } from './staffService';

/** Supervisor-only staff management: create, change name/role/active, reset password, end sessions. */
export function staffRouter(context: AppContext): Router {
    const { dataSource, clock } = context;
    const router = Router();
    const record = async (id: number) => {
        const staff = (await getRecord(context.dataSource, staffResource, id))!;
        await staffResource.decorate!(context, [staff]);
        return staff;
    };

    router.post('/', allow(context, 'staff', 'create'), validateBody(staffCreateSchema), async (req, res) => {
        const { password, ...input } = req.body as StaffCreateInput;
        const passwordHash = await hashPassword(password);
        const id = await writeTransaction(dataSource, (tx) =>
            createStaff(tx, actorOf(req), { ...input, passwordHash }, clock.now())
        ).catch((err: unknown) => {
            // Two concurrent creates both pass the service's check; the unique index stops the second.
            throw isUniqueViolation(err) ? staffEmailTaken(input.email) : err;
        });
        res.status(201).json(await record(id));
    });

    router.put(
        '/:id',
        allow(context, 'staff', 'edit'),
        validateUpdate(context, staffResource, staffUpdateSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const input = req.body as StaffUpdateInput;
            await writeTransaction(dataSource, (tx) => updateStaff(tx, actorOf(req), id, input, clock.now()));
            res.json(await record(id));
        }
    );

    router.post(
        '/:id/reset-password',
        allow(context, 'staff', 'reset_password'),
        validateBody(passwordResetSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const passwordHash = await hashPassword((req.body as PasswordResetInput).password);
            await writeTransaction(dataSource, (tx) =>
                resetStaffPassword(tx, actorOf(req), id, passwordHash, clock.now())
            );
            res.json(await record(id));
        }
    );

    router.post('/:id/revoke-sessions', allow(context, 'staff', 'revoke_sessions'), async (req, res) => {
        const id = parseId(req.params.id);
        const now = clock.now();
        const ended = await writeTransaction(dataSource, async (tx) => {
            if (!(await tx.getRepository(Staff).existsBy({ id })))
                throw notFound(`staff ${id} does not exist`);
            return revokeAndAudit(tx, actorOf(req), 'staff.revoke_sessions', id, now);
        });
        res.json(ended);
    });

    return router;
}
