import { Router } from 'express';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import { parsePeriod } from '../dashboard/dashboardPeriod';
import { badRequest } from '../http/HttpError';
import { mediatorQualityOf } from './mediatorQuality';

/** `GET /api/mediator-quality?from&to`: each mediator's figures for the days from..to (UTC, inclusive). */
export function mediatorQualityRouter(context: AppContext): Router {
    const router = Router();
    const { policy } = context.config;
    router.get('/', allow(context, 'mediator-quality', 'list'), async (req, res) => {
        const query = req.query as Record<string, unknown>;
        if (query.bucket !== undefined) {
            throw badRequest('Unknown query parameter "bucket"; use from, to', {
                bucket: 'allowed: from, to',
            });
        }
        const { from, to } = parsePeriod(query, context.clock.now(), false);
        res.json({
            from,
            to,
            thresholds: {
                refundGapPoints: policy.qualityRefundGapPoints,
                overturnFactor: policy.qualityOverturnFactor,
                minAgreementPercent: policy.qualityMinAgreementPercent,
            },
            mediators: await mediatorQualityOf(context.reads, policy, { from, to }),
        });
    });
    return router;
}
