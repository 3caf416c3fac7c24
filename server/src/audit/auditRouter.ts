import { Router } from 'express';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import { configureAuditChain } from './auditLog';
import { verifyChain } from './auditVerify';

/** GET /api/audit-events/verify → { ok, checked, checkpoints, firstBroken: { id, reason } | null }. */
export function auditRouter(context: AppContext): Router {
    // The chain key is loaded (or generated and announced) when the app is built, at start-up.
    configureAuditChain(context.dataSource, context.config.dataDir);
    const router = Router();
    router.get('/verify', allow(context, 'audit-events', 'verify'), async (_req, res) => {
        res.json(await verifyChain(context.dataSource));
    });
    return router;
}
