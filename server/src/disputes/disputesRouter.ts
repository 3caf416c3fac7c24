import { Router } from 'express';
import type { AppContext } from '../appContext';
import { notFound } from '../http/HttpError';
import { parseId } from '../rest/listParams';
import { getRecord } from '../rest/resourceQuery';
import { disputesResource } from './disputesResource';
import { disputeTimeline } from './timeline';

/** Dispute-specific reads; the generic list/show is mounted by the API router. */
export function disputesRouter({ dataSource }: AppContext): Router {
    const router = Router();

    router.get('/:id/timeline', async (req, res) => {
        const id = parseId(req.params.id);
        if (!(await getRecord(dataSource, disputesResource, id)))
            throw notFound(`disputes ${id} does not exist`);
        res.json(await disputeTimeline(dataSource, id));
    });

    return router;
}
