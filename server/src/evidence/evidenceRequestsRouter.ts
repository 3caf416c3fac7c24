import { Router } from 'express';
import {
    cancelEvidenceRequestSchema,
    type CancelEvidenceRequestInput,
} from '../../../shared/schemas/evidence';
import type { AppContext } from '../appContext';
import { allow, assertCan } from '../auth/authorize';
import { writeTransaction } from '../db/transaction';
import { staffActor } from '../disputes/disputeActor';
import { validateBody } from '../http/validate';
import { parseId } from '../rest/listParams';
import { getRecord } from '../rest/resourceReads';
import { cancelEvidenceRequest, lockEvidenceRequest } from './evidenceRequests';
import { evidenceRequestsResource } from './evidenceRequestsResource';

/** Evidence-request actions; the requests are made on their dispute (`POST /api/disputes/:id/evidence-requests`). */
export function evidenceRequestsRouter(context: AppContext): Router {
    const { dataSource, clock } = context;
    const router = Router();

    router.post(
        '/:id/cancel',
        allow(context, 'evidence-requests', 'cancel'),
        validateBody(cancelEvidenceRequestSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const { reason } = req.body as CancelEvidenceRequestInput;
            await writeTransaction(dataSource, async (tx) => {
                const { dispute, request } = await lockEvidenceRequest(tx, id);
                assertCan(req, 'evidence-requests', 'cancel', dispute);
                return cancelEvidenceRequest(tx, dispute, request, reason, staffActor(req), clock.now());
            });
            res.json(await getRecord(dataSource, evidenceRequestsResource, id));
        }
    );

    return router;
}
