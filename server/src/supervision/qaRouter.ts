import { Router } from 'express';
import {
    qaSampleSchema,
    qaVerdictSchema,
    type QaSampleInput,
    type QaVerdictInput,
} from '../../../shared/schemas/qa';
import type { AppContext } from '../appContext';
import { allow, assertCan } from '../auth/authorize';
import { actorOf } from '../auth/requestAuth';
import { writeTransaction } from '../db/transaction';
import { validateBody } from '../http/validate';
import { parseId } from '../rest/listParams';
import { getRecord } from '../rest/resourceReads';
import { qaReviewsResource } from './qaReviewsResource';
import { drawSample, lockReview, recordVerdict } from './qaSampling';

/** `POST /api/qa-samples`: a supervisor draws a random sample of a period's decisions to review. */
export function qaSamplesRouter(context: AppContext): Router {
    const { dataSource, clock } = context;
    const router = Router();
    router.post(
        '/',
        allow(context, 'qa-reviews', 'create'),
        validateBody(qaSampleSchema(context.config.policy)),
        async (req, res) => {
            const input = req.body as QaSampleInput;
            const { sampleId, reviews } = await writeTransaction(dataSource, (tx) =>
                drawSample(tx, actorOf(req), input, clock.now())
            );
            const records = await Promise.all(
                reviews.map((review) => getRecord(dataSource, qaReviewsResource, review.id))
            );
            res.status(201).json({ id: sampleId, sampleId, ...input, reviews: records });
        }
    );
    return router;
}

/** `POST /api/qa-reviews/:id/verdict`: the reviewer's agree / disagree (with a comment). */
export function qaReviewsRouter(context: AppContext): Router {
    const { dataSource, clock } = context;
    const router = Router();
    router.post(
        '/:id/verdict',
        allow(context, 'qa-reviews', 'answer'),
        validateBody(qaVerdictSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const input = req.body as QaVerdictInput;
            await writeTransaction(dataSource, async (tx) => {
                const review = await lockReview(tx, id);
                assertCan(req, 'qa-reviews', 'answer', review);
                await recordVerdict(tx, actorOf(req), review, input, clock.now());
            });
            res.json(await getRecord(dataSource, qaReviewsResource, id));
        }
    );
    return router;
}
