import { Router } from 'express';
import { blockSchema, type BlockInput } from '../../../shared/reputation';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import { actorOf } from '../auth/requestAuth';
import { writeTransaction } from '../db/transaction';
import { validateBody } from '../http/validate';
import { parseId } from '../rest/listParams';
import { getRecord } from '../rest/resourceReads';
import { setBlocked } from './blocking';
import { buyersResource } from './buyersResource';

/** A supervisor's block and unblock of a buyer, each with a reason. */
export function buyersRouter(context: AppContext): Router {
    const { dataSource, clock } = context;
    const router = Router();
    for (const [path, block] of [
        ['block', true],
        ['unblock', false],
    ] as const) {
        router.post(
            `/:id/${path}`,
            allow(context, 'buyers', 'block'),
            validateBody(blockSchema),
            async (req, res) => {
                const id = parseId(req.params.id);
                const { reason } = req.body as BlockInput;
                await writeTransaction(dataSource, (tx) =>
                    setBlocked(tx, actorOf(req), id, block, reason, clock.now())
                );
                res.json(await getRecord(dataSource, buyersResource, id));
            }
        );
    }
    return router;
}
