import { Router } from 'express';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import { verifyChain } from './auditLog';

/** GET /api/audit-events/verify → { ok, checked, firstBrokenId }. */
export function auditRouter(context: AppContext): Router {
    const router = Router();
    router.get('/verify', allow(context, 'audit-events', 'verify'), async (_req, res) => {
        res.json(await verifyChain(context.dataSource));
    });
    return router;
}
