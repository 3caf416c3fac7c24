import { Router } from 'express';
import { preferencesSchema, type PreferencesInput } from '../../../shared/schemas/preferences';
import type { AppContext } from '../appContext';
import { appendAudit } from '../audit/auditLog';
import { writeTransaction } from '../db/transaction';
import { Staff } from '../entities';
import { validateBody } from '../http/validate';
import { authenticate } from './authenticate';
import { actorOf, currentStaff } from './requestAuth';

/**
 * `PATCH /api/auth/me/preferences`: the signed-in staff member's own settings (the console's
 * language), remembered on the server and audited like every other change to a staff member.
 */
export function preferencesRouter(context: AppContext): Router {
    const router = Router();
    router.patch('/', authenticate(context), validateBody(preferencesSchema), async (req, res) => {
        const staff = currentStaff(req);
        const { locale } = req.body as PreferencesInput;
        const now = context.clock.now();
        await writeTransaction(context.dataSource, async (manager) => {
            const before = await manager.getRepository(Staff).findOneByOrFail({ id: staff.id });
            if (before.locale === locale) return;
            await manager.getRepository(Staff).update({ id: staff.id }, { locale });
            await appendAudit(
                manager,
                actorOf(req),
                {
                    action: 'staff.preferences',
                    entity: 'staff',
                    entityId: staff.id,
                    before: { locale: before.locale },
                    after: { locale },
                },
                now
            );
        });
        res.json({ locale });
    });
    return router;
}
