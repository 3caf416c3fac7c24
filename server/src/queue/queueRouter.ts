import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import { writeTransaction } from '../db/transaction';
import { staffActor } from '../disputes/disputeActor';
import { disputesResource } from '../disputes/disputesResource';
import { notFound } from '../http/HttpError';
import { validateBody } from '../http/validate';
import { getRecord } from '../rest/resourceReads';
import { takeNext } from './queueClaims';
import { queueCounts, queueFilter } from './queueQuery';

const nextSchema = z.strictObject({ filter: z.record(z.string(), z.unknown()).optional() });

/** The escalation queue: take the next case, and counts per filter value. */
export function queueRouter(context: AppContext): Router {
    const router = Router();
    const { dataSource, clock } = context;
    const { policy } = context.config;

    router.post('/next', allow(context, 'queue', 'next'), validateBody(nextSchema), async (req, res) => {
        const filter = queueFilter((req.body as z.infer<typeof nextSchema>).filter ?? {});
        const claimed = await writeTransaction(dataSource, (tx) =>
            takeNext(tx, policy, filter, staffActor(req), clock.now())
        );
        if (!claimed) throw notFound('No dispute in the queue matches these filters');
        res.json(await getRecord(context.dataSource, disputesResource, claimed));
    });

    router.get('/counts', allow(context, 'queue', 'list'), async (req, res) => {
        const raw = typeof req.query.filter === 'string' ? req.query.filter : '{}';
        let parsed: unknown;
        try {
            parsed = JSON.parse(raw);
        } catch {
            parsed = null;
        }
        res.json(await queueCounts(context.dataSource, queueFilter(parsed), clock.now()));
    });

    return router;
}
