import { Router } from 'express';
import type { EntityManager } from 'typeorm';
import type { AppContext } from '../appContext';
import { appendAudit, type AuditActor } from '../audit/auditLog';
import { writeTransaction } from '../db/transaction';
import { authenticate } from './authenticate';
import { allow } from './authorize';
import { actorOf, currentStaff } from './requestAuth';
import { revokeSessions } from './sessions';

/** Ends the sessions and audits it, in the caller's transaction: `{ ended }` is the number of sessions. */
export async function revokeAndAudit(
    manager: EntityManager,
    actor: AuditActor,
    action: 'auth.revoke_other_sessions' | 'staff.revoke_sessions',
    staffId: number,
    now: Date,
    keepId?: number
): Promise<{ ended: number }> {
    const ended = await revokeSessions(manager, staffId, now, { keep: keepId });
    await appendAudit(manager, actor, { action, entity: 'staff', entityId: staffId, after: { ended } }, now);
    return { ended };
}

/** `POST /api/auth/sessions/revoke-others`: sign out everywhere but here. */
export function sessionsRouter(context: AppContext): Router {
    const router = Router();
    router.use(authenticate(context));
    router.post('/revoke-others', allow(context, 'sessions', 'revoke_sessions'), async (req, res) => {
        const staff = currentStaff(req);
        const now = context.clock.now();
        const keep = req.authSession!.id;
        res.json(
            await writeTransaction(context.dataSource, (tx) =>
                revokeAndAudit(tx, actorOf(req), 'auth.revoke_other_sessions', staff.id, now, keep)
            )
        );
    });
    return router;
}
