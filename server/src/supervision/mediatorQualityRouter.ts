import { Router } from 'express';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import { parsePeriod } from '../dashboard/dashboardPeriod';
import { badRequest } from '../http/HttpError';
import { csvLine } from '../rest/csvExport';
import { mediatorQualityOf, type MediatorQualityRow } from './mediatorQuality';

/** The columns of the CSV export, in the table's order. */
const QUALITY_COLUMNS = [
    'mediatorId',
    'mediatorName',
    'casesDecided',
    'medianHoursToDecision',
    'slaBreaches',
    'refundGapPoints',
    'refundCompared',
    'overturned',
    'overturnPercent',
    'peersOverturnPercent',
    'qaAnswered',
    'qaAgreementPercent',
] as const satisfies readonly (keyof MediatorQualityRow)[];

/**
 * `GET /api/mediator-quality?from&to`: each mediator's figures for the days from..to (UTC, inclusive);
 * `GET /api/mediator-quality/export.csv?from&to`: the same as CSV.
 */
export function mediatorQualityRouter(context: AppContext): Router {
    const router = Router();
    const { policy } = context.config;
    const periodOf = (query: Record<string, unknown>) => {
        if (query.bucket !== undefined) {
            throw badRequest('Unknown query parameter "bucket"; use from, to', {
                bucket: 'allowed: from, to',
            });
        }
        return parsePeriod(query, context.clock.now(), false);
    };

    // The same table as CSV (escaped and formula-neutralised like every list's export).
    router.get('/export.csv', allow(context, 'mediator-quality', 'list'), async (req, res) => {
        const { from, to } = periodOf(req.query as Record<string, unknown>);
        const rows = await mediatorQualityOf(context.reads, policy, { from, to });
        res.type('text/csv; charset=utf-8');
        res.attachment(`mediator-quality-${from}-${to}.csv`);
        const lines = [
            '\uFEFF' + csvLine([...QUALITY_COLUMNS, 'outliers']),
            ...rows.map((row) =>
                csvLine([
                    ...QUALITY_COLUMNS.map((column) => row[column]),
                    row.outliers.map((outlier) => outlier.reason).join('; '),
                ])
            ),
        ];
        res.send(lines.join(''));
    });

    router.get('/', allow(context, 'mediator-quality', 'list'), async (req, res) => {
        const { from, to } = periodOf(req.query as Record<string, unknown>);
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
