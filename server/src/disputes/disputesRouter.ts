import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../appContext';
import { Dispute } from '../entities';
import { allow, assertCan } from '../auth/authorize';
import { notFound } from '../http/HttpError';
import { validateBody } from '../http/validate';
import { parseId } from '../rest/listParams';
import { getRecord } from '../rest/resourceQuery';
import { assignmentService } from './assignmentService';
import { staffActor } from './disputeActor';
import { disputesResource } from './disputesResource';
import { disputeTimeline } from './timeline';

const assignSchema = z.strictObject({ staffId: z.number().int().positive() });
const emptySchema = z.strictObject({});

/** Dispute workflow actions and the timeline; the generic list/show is mounted by the API router. */
export function disputesRouter(context: AppContext): Router {
    const { dataSource } = context;
    const router = Router();
    const assignments = assignmentService(context);
    const record = (id: number) => getRecord(dataSource, disputesResource, id);

    router.get('/:id/timeline', allow(context, 'disputes', 'show'), async (req, res) => {
        const id = parseId(req.params.id);
        if (!(await record(id))) throw notFound(`disputes ${id} does not exist`);
        res.json(await disputeTimeline(dataSource, id));
    });

    router.post(
        '/:id/pickup',
        allow(context, 'disputes', 'pickup'),
        validateBody(emptySchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            await assignments.pickUp(id, staffActor(req));
            res.json(await record(id));
        }
    );

    router.post(
        '/:id/release',
        allow(context, 'disputes', 'release'),
        validateBody(emptySchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const dispute = await dataSource.getRepository(Dispute).findOneBy({ id });
            if (!dispute) throw notFound(`disputes ${id} does not exist`);
            await assertCan(context, req, 'disputes', 'release', dispute);
            await assignments.release(id, staffActor(req), dispute.assigneeId);
            res.json(await record(id));
        }
    );

    router.post(
        '/:id/assign',
        allow(context, 'disputes', 'assign'),
        validateBody(assignSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            await assignments.assign(id, (req.body as z.infer<typeof assignSchema>).staffId, staffActor(req));
            res.json(await record(id));
        }
    );

    return router;
}
