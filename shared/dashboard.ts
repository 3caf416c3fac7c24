/**
 * The supervisor's dashboard on the wire: one endpoint per chart under `GET /api/dashboard/…`,
 * each taking `from`, `to` (UTC days, `YYYY-MM-DD`), `bucket` (`day` or `week`) and, for the
 * money charts, `currency`. Money is never summed across currencies.
 */
import { OUTCOMES } from './domain';

export const DASHBOARD_CHARTS = [
    'queue',
    'sla-breaches',
    'outcomes',
    'refunds',
    'mediators',
    'refunds-overdue',
] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

export const BUCKETS = ['day', 'week'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** The longest period one request may cover, in days. */
export const MAX_PERIOD_DAYS = 731;
/** The period shown when none is asked for: the last 30 days, today included. */
export const DEFAULT_PERIOD_DAYS = 30;

/** How a dispute ended: a ruling's outcome, or a resolution without a ruling. */
export const ENDINGS = [...OUTCOMES, 'agreement', 'seller_timeout', 'withdrawn'] as const;
export type Ending = (typeof ENDINGS)[number];

export interface DashboardPeriod {
    from: string;
    to: string;
    bucket: Bucket;
}

/** Each point is a bucket, named by its first day. */
export interface QueuePoint {
    day: string;
    /** Disputes in platform review (escalated … pending approval) at the end of the bucket. */
    size: number;
    /** Their mean age since escalation then, in days (null when the queue was empty). */
    meanAgeDays: number | null;
}
export interface QueueChart extends DashboardPeriod {
    points: QueuePoint[];
}

export interface SlaBreachPoint {
    day: string;
    target: number;
    hard: number;
}
export interface SlaBreachesChart extends DashboardPeriod {
    points: SlaBreachPoint[];
}

export type OutcomeRow = { reason: string; total: number } & Record<Ending, number>;
export interface OutcomesChart extends DashboardPeriod {
    rows: OutcomeRow[];
}

export interface RefundTotals {
    currency: string;
    requested: number;
    requestedAmount: number;
    paid: number;
    paidAmount: number;
}
export interface RefundsChart extends DashboardPeriod {
    /** Every currency with refunds in the period, each on its own. */
    currencies: RefundTotals[];
    /** The currency of `points`: the one asked for, else the one with the most refunds. */
    currency: string | null;
    points: (Omit<RefundTotals, 'currency'> & { day: string })[];
}

export interface MediatorRow {
    mediatorId: number;
    name: string | null;
    rulings: number;
}
export interface MediatorsChart extends DashboardPeriod {
    rows: MediatorRow[];
}

export interface OverdueTotals {
    currency: string;
    /** Refunds found overdue during the period. */
    overdue: number;
    overdueAmount: number;
    /** Overdue refunds still unpaid at the end of the period (of a bucket, for points). */
    open: number;
    openAmount: number;
}
export interface RefundsOverdueChart extends DashboardPeriod {
    currencies: OverdueTotals[];
    currency: string | null;
    points: (Omit<OverdueTotals, 'currency'> & { day: string })[];
}
