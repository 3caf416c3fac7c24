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
import { validateBody } from '../http/validate';
import { parseId } from '../rest/listParams';
import { getRecord } from '../rest/resourceQuery';
import { staffResource } from './staffResource';
import { staffService } from './staffService';

/** Supervisor-only staff management: create, change name/role/active, reset password. */
export function staffRouter(context: AppContext): Router {
    const router = Router();
    const service = staffService(context);

    router.post('/', allow(context, 'staff', 'create'), validateBody(staffCreateSchema), async (req, res) => {
        const id = await service.create(actorOf(req), req.body as StaffCreateInput);
        res.status(201).json(await getRecord(context.dataSource, staffResource, id));
    });

    router.put('/:id', allow(context, 'staff', 'edit'), validateBody(staffUpdateSchema), async (req, res) => {
        const id = parseId(req.params.id);
        await service.update(actorOf(req), id, req.body as StaffUpdateInput);
        res.json(await getRecord(context.dataSource, staffResource, id));
    });

    router.post(
        '/:id/reset-password',
        allow(context, 'staff', 'reset_password'),
        validateBody(passwordResetSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            await service.resetPassword(actorOf(req), id, (req.body as PasswordResetInput).password);
            res.json(await getRecord(context.dataSource, staffResource, id));
        }
    );

    return router;
}
