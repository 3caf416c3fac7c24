import { Router } from 'express';
import {
    approveSchema,
    overturnSchema,
    rejectSchema,
    type ApproveInput,
    type OverturnInput,
    type RejectInput,
} from '../../../shared/schemas/rulings';
import type { AppContext } from '../appContext';
import { allow, assertCan } from '../auth/authorize';
import { writeTransaction } from '../db/transaction';
import { staffActor } from '../disputes/disputeActor';
import { validateBody } from '../http/validate';
import { parseId } from '../rest/listParams';
import { getRecord } from '../rest/resourceReads';
import { decisionsResource } from './decisionsResource';
import { overturn } from './overturn';
import { approve, lockDecision, reject } from './rulings';

/** A supervisor's answers to a ruling: approve or reject a four-eyes ruling, overturn an issued one. */
export function decisionsRouter(context: AppContext): Router {
    const { dataSource, clock } = context;
    const { policy } = context.config;
    const router = Router();
    const answer = (id: number) => getRecord(dataSource, decisionsResource, id);

    router.post(
        '/:id/approve',
        allow(context, 'decisions', 'approve'),
        validateBody(approveSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const { comment } = req.body as ApproveInput;
            await writeTransaction(dataSource, async (tx) => {
                const locked = await lockDecision(tx, id);
                assertCan(req, 'decisions', 'approve', locked.decision);
                return approve(tx, policy, locked, comment ?? null, staffActor(req), clock.now());
            });
            res.json(await answer(id));
        }
    );

    router.post(
        '/:id/reject',
        allow(context, 'decisions', 'reject'),
        validateBody(rejectSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const { comment } = req.body as RejectInput;
            await writeTransaction(dataSource, async (tx) => {
                const locked = await lockDecision(tx, id);
                assertCan(req, 'decisions', 'reject', locked.decision);
                return reject(tx, locked, comment, staffActor(req), clock.now());
            });
            res.json(await answer(id));
        }
    );

    router.post(
        '/:id/overturn',
        allow(context, 'decisions', 'overturn'),
        validateBody(overturnSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const { reason } = req.body as OverturnInput;
            await writeTransaction(dataSource, async (tx) => {
                const locked = await lockDecision(tx, id);
                return overturn(tx, policy, locked, reason, staffActor(req), clock.now());
            });
            res.json(await answer(id));
        }
    );

    return router;
}
