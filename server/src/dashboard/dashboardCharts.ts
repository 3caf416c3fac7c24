/**
 * The dashboard's charts, each from ONE query of the maintained aggregates (`daily_stat`, read
 * through its primary key `metric, day, …`): a range of days of one or two metrics, never a scan
 * of the disputes. Running figures (the queue, the open overdue refunds) sum every change before
 * the period into one baseline row, in the same query.
 */
import type { DataSource } from 'typeorm';
import {
    ENDINGS,
    type MediatorsChart,
    type OutcomeRow,
    type OutcomesChart,
    type OverdueTotals,
    type QueueChart,
    type RefundsChart,
    type RefundsOverdueChart,
    type RefundTotals,
    type SlaBreachesChart,
} from '../../../shared/dashboard';
import { sqlParam } from '../db/dbKind';
import { addDaysTo, bucketOf, buckets, days, type Period } from './dashboardPeriod';

interface StatRow {
    day: string;
    metric: string;
    dim1: string;
    dim2: string;
    count: number;
    amount: number;
}

/** Runs one aggregate query; `$from` / `$to` stand for the period's bounds. */
async function statRows(reads: DataSource, period: Period, sql: string): Promise<StatRow[]> {
    const values: string[] = [];
    const text = sql.replace(/\$(from|to)/g, (_match, name: 'from' | 'to') => {
        values.push(period[name]);
        return sqlParam(values.length);
    });
    const rows = (await reads.query(text, values)) as Record<string, unknown>[];
    return rows.map((row) => ({
        day: String(row.day ?? ''),
        metric: String(row.metric ?? ''),
        dim1: String(row.dim1 ?? ''),
        dim2: String(row.dim2 ?? ''),
        count: Number(row.count ?? 0),
        amount: Number(row.amount ?? 0),
    }));
}

const base = (period: Period) => ({ from: period.from, to: period.to, bucket: period.bucket });
const SUMS = 'SUM("count") AS "count", SUM("amount") AS "amount"';
/** The period's days as they are, every earlier day folded into the baseline row (day ''). */
const RUNNING_DAY = `CASE WHEN "day" < $from THEN '' ELSE "day" END`;

/** Queue size and mean age since escalation at the end of each bucket. */
export async function queueChart(reads: DataSource, period: Period): Promise<QueueChart> {
    const rows = await statRows(
        reads,
        period,
        `SELECT ${RUNNING_DAY} AS "day", ${SUMS} FROM "daily_stat"
         WHERE "metric" = 'queue' AND "day" <= $to GROUP BY 1`
    );
    const byDay = new Map(rows.map((row) => [row.day, row]));
    let size = byDay.get('')?.count ?? 0;
    let since = byDay.get('')?.amount ?? 0;
    const points: QueueChart['points'] = [];
    let day = period.from;
    for (const bucket of buckets(period)) {
        for (; day <= bucket.end; day = addDaysTo(day, 1)) {
            size += byDay.get(day)?.count ?? 0;
            since += byDay.get(day)?.amount ?? 0;
        }
        const endOfBucket = Math.min(
            Date.parse(`${addDaysTo(bucket.end, 1)}T00:00:00Z`),
            period.now.getTime()
        );
        const meanAgeDays = size > 0 ? (endOfBucket / 1000 - since / size) / 86_400 : null;
        points.push({
            day: bucket.start,
            size,
            meanAgeDays: meanAgeDays === null ? null : Math.round(Math.max(0, meanAgeDays) * 10) / 10,
        });
    }
    return { ...base(period), points };
}

/** SLA breaches (review target and hard limit) per bucket. */
export async function slaBreachesChart(reads: DataSource, period: Period): Promise<SlaBreachesChart> {
    const rows = await statRows(
        reads,
        period,
        `SELECT "day", "dim1", ${SUMS} FROM "daily_stat"
         WHERE "metric" = 'sla_breach' AND "day" >= $from AND "day" <= $to GROUP BY "day", "dim1"`
    );
    const points = buckets(period).map((b) => ({ day: b.start, target: 0, hard: 0 }));
    const at = new Map(points.map((point) => [point.day, point]));
    for (const row of rows) {
        const point = at.get(bucketOf(row.day, period))!;
        if (row.dim1 === 'target' || row.dim1 === 'hard') point[row.dim1] += row.count;
    }
    return { ...base(period), points };
}

/** How the disputes that ended in the period ended, by reason (rulings still in force). */
export async function outcomesChart(reads: DataSource, period: Period): Promise<OutcomesChart> {
    const rows = await statRows(
        reads,
        period,
        `SELECT "dim1", "dim2", ${SUMS} FROM "daily_stat"
         WHERE "metric" = 'outcome' AND "day" >= $from AND "day" <= $to GROUP BY "dim1", "dim2"`
    );
    const byReason = new Map<string, OutcomeRow>();
    for (const row of rows) {
        if (!(ENDINGS as readonly string[]).includes(row.dim2) || row.count === 0) continue;
        let reason = byReason.get(row.dim1);
        if (!reason) {
            reason = {
                reason: row.dim1,
                total: 0,
                ...Object.fromEntries(ENDINGS.map((e) => [e, 0])),
            } as OutcomeRow;
            byReason.set(row.dim1, reason);
        }
        reason[row.dim2 as (typeof ENDINGS)[number]] += row.count;
        reason.total += row.count;
    }
    const sorted = [...byReason.values()]
        .filter((row) => row.total !== 0)
        .sort((a, b) => b.total - a.total || a.reason.localeCompare(b.reason));
    return { ...base(period), rows: sorted };
}

function pickCurrency<T extends { currency: string }>(
    totals: T[],
    asked: string | null,
    size: (t: T) => number
): string | null {
    if (asked) return asked;
    const top = [...totals].sort((a, b) => size(b) - size(a) || a.currency.localeCompare(b.currency))[0];
    return top?.currency ?? null;
}

/** Refunds requested and paid per currency (each on its own), and per bucket for one currency. */
export async function refundsChart(reads: DataSource, period: Period): Promise<RefundsChart> {
    const rows = await statRows(
        reads,
        period,
        `SELECT "day", "metric", "dim1", ${SUMS} FROM "daily_stat"
         WHERE "metric" IN ('refund_requested', 'refund_paid') AND "day" >= $from AND "day" <= $to
         GROUP BY "day", "metric", "dim1"`
    );
    const zero = () => ({ requested: 0, requestedAmount: 0, paid: 0, paidAmount: 0 });
    const add = (into: Omit<RefundTotals, 'currency'>, row: StatRow) => {
        if (row.metric === 'refund_requested') {
            into.requested += row.count;
            into.requestedAmount += row.amount;
        } else {
            into.paid += row.count;
            into.paidAmount += row.amount;
        }
    };
    const totals = new Map<string, RefundTotals>();
    for (const row of rows) {
        if (!totals.has(row.dim1)) totals.set(row.dim1, { currency: row.dim1, ...zero() });
        add(totals.get(row.dim1)!, row);
    }
    const currencies = [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
    const currency = pickCurrency(currencies, period.currency, (t) => t.requested + t.paid);
    const points = buckets(period).map((b) => ({ day: b.start, ...zero() }));
    const at = new Map(points.map((point) => [point.day, point]));
    for (const row of rows) if (row.dim1 === currency) add(at.get(bucketOf(row.day, period))!, row);
    return { ...base(period), currencies, currency, points };
}

/** Rulings issued per mediator in the period (the ruling's author, also when a supervisor approved it). */
export async function mediatorsChart(reads: DataSource, period: Period): Promise<MediatorsChart> {
    const rows = await statRows(
        reads,
        period,
        `SELECT s."dim1" AS "dim1", MAX(st."fullName") AS "dim2", SUM(s."count") AS "count"
         FROM "daily_stat" s LEFT JOIN "staff" st ON CAST(st."id" AS varchar(40)) = s."dim1"
         WHERE s."metric" = 'ruling' AND s."day" >= $from AND s."day" <= $to GROUP BY s."dim1"`
    );
    const result = rows
        .filter((row) => row.count !== 0)
        .map((row) => ({ mediatorId: Number(row.dim1), name: row.dim2 || null, rulings: row.count }))
        .sort((a, b) => b.rulings - a.rulings || a.mediatorId - b.mediatorId);
    return { ...base(period), rows: result };
}

/** Refunds found overdue, and overdue refunds still unpaid, per currency and per bucket of one. */
export async function refundsOverdueChart(reads: DataSource, period: Period): Promise<RefundsOverdueChart> {
    const rows = await statRows(
        reads,
        period,
        `SELECT ${RUNNING_DAY} AS "day", "metric", "dim1", ${SUMS} FROM "daily_stat"
         WHERE "metric" IN ('refund_overdue', 'refund_overdue_open') AND "day" <= $to
         GROUP BY 1, "metric", "dim1"`
    );
    const totals = new Map<string, OverdueTotals>();
    const totalOf = (currency: string) => {
        if (!totals.has(currency))
            totals.set(currency, { currency, overdue: 0, overdueAmount: 0, open: 0, openAmount: 0 });
        return totals.get(currency)!;
    };
    for (const row of rows) {
        const total = totalOf(row.dim1);
        if (row.metric === 'refund_overdue_open') {
            total.open += row.count;
            total.openAmount += row.amount;
        } else if (row.day !== '') {
            total.overdue += row.count;
            total.overdueAmount += row.amount;
        }
    }
    const currencies = [...totals.values()]
        .filter((t) => t.open !== 0 || t.overdue !== 0)
        .sort((a, b) => a.currency.localeCompare(b.currency));
    const currency = pickCurrency(currencies, period.currency, (t) => t.open + t.overdue);
    const mine = new Map(
        rows.filter((row) => row.dim1 === currency).map((row) => [`${row.metric} ${row.day}`, row])
    );
    let open = mine.get('refund_overdue_open ')?.count ?? 0;
    let openAmount = mine.get('refund_overdue_open ')?.amount ?? 0;
    const points: RefundsOverdueChart['points'] = [];
    const all = days(period);
    let i = 0;
    for (const bucket of buckets(period)) {
        const point = { day: bucket.start, overdue: 0, overdueAmount: 0, open: 0, openAmount: 0 };
        for (; i < all.length && all[i] <= bucket.end; i++) {
            const flagged = mine.get(`refund_overdue ${all[i]}`);
            const change = mine.get(`refund_overdue_open ${all[i]}`);
            point.overdue += flagged?.count ?? 0;
            point.overdueAmount += flagged?.amount ?? 0;
            open += change?.count ?? 0;
            openAmount += change?.amount ?? 0;
        }
        points.push({ ...point, open, openAmount });
    }
    return { ...base(period), currencies, currency, points };
}
