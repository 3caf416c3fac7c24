import { Router } from 'express';
import type { DataSource } from 'typeorm';
import type { DashboardChart } from '../../../shared/dashboard';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import {
    mediatorsChart,
    outcomesChart,
    queueChart,
    refundsChart,
    refundsOverdueChart,
    slaBreachesChart,
} from './dashboardCharts';
import { parsePeriod, type Period } from './dashboardPeriod';

const CHARTS: Record<
    DashboardChart,
    { answer: (reads: DataSource, period: Period) => Promise<unknown>; money?: true }
> = {
    queue: { answer: queueChart },
    'sla-breaches': { answer: slaBreachesChart },
    outcomes: { answer: outcomesChart },
    refunds: { answer: refundsChart, money: true },
    mediators: { answer: mediatorsChart },
    'refunds-overdue': { answer: refundsOverdueChart, money: true },
};

/** `GET /api/dashboard/<chart>?from&to&bucket[&currency]`: the supervisor's charts. */
export function dashboardRouter(context: AppContext): Router {
    const router = Router();
    for (const [name, chart] of Object.entries(CHARTS)) {
        router.get(`/${name}`, allow(context, 'dashboard', 'show'), async (req, res) => {
            const period = parsePeriod(
                req.query as Record<string, unknown>,
                context.clock.now(),
                chart.money === true
            );
            res.json(await chart.answer(context.reads, period));
        });
    }
    return router;
}
