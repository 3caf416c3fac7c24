import {
    BUCKETS,
    DEFAULT_PERIOD_DAYS,
    MAX_PERIOD_DAYS,
    type Bucket,
    type DashboardPeriod,
} from '../../../shared/dashboard';
import { badRequest } from '../http/HttpError';
import { dayOf } from './dailyStats';

const DAY_MS = 86_400_000;

export interface Period extends DashboardPeriod {
    currency: string | null;
    now: Date;
}

export function addDaysTo(day: string, days: number): string {
    return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

function parseDay(name: string, raw: unknown): string {
    const fail = () =>
        badRequest(`"${name}" must be a day as YYYY-MM-DD`, { [name]: 'must be a day as YYYY-MM-DD' });
    if (typeof raw !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(raw)) throw fail();
    const time = Date.parse(`${raw}T00:00:00Z`);
    if (Number.isNaN(time) || dayOf(new Date(time)) !== raw) throw fail();
    return raw;
}

/** Reads `from`, `to`, `bucket` and `currency` (each optional; any other parameter is a 400). */
export function parsePeriod(query: Record<string, unknown>, now: Date, withCurrency: boolean): Period {
    const allowed = ['from', 'to', 'bucket', ...(withCurrency ? ['currency'] : [])];
    for (const key of Object.keys(query)) {
        if (!allowed.includes(key)) {
            throw badRequest(`Unknown query parameter "${key}"; use ${allowed.join(', ')}`, {
                [key]: `allowed: ${allowed.join(', ')}`,
            });
        }
    }
    const to = query.to === undefined ? dayOf(now) : parseDay('to', query.to);
    const from =
        query.from === undefined ? addDaysTo(to, -(DEFAULT_PERIOD_DAYS - 1)) : parseDay('from', query.from);
    if (from > to) throw badRequest('"from" comes after "to"', { from: 'must not come after "to"' });
    if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) {
        throw badRequest(`A period covers at most ${MAX_PERIOD_DAYS} days`, {
            from: `at most ${MAX_PERIOD_DAYS} days before "to"`,
        });
    }
    const bucket = (query.bucket ?? 'day') as Bucket;
    if (!BUCKETS.includes(bucket)) {
        throw badRequest(`"bucket" must be one of ${BUCKETS.join(', ')}`, {
            bucket: `one of ${BUCKETS.join(', ')}`,
        });
    }
    let currency: string | null = null;
    if (query.currency !== undefined && query.currency !== '') {
        if (typeof query.currency !== 'string' || !/^[A-Z]{3}$/.test(query.currency)) {
            throw badRequest('"currency" must be an ISO 4217 code such as EUR', {
                currency: 'must be three capital letters (ISO 4217)',
            });
        }
        currency = query.currency;
    }
    return { from, to, bucket, currency, now };
}

function daysBetween(from: string, to: string): number {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The first day of the bucket a day falls in (weeks start on Monday, and never before `from`). */
export function bucketOf(day: string, period: DashboardPeriod): string {
    if (period.bucket === 'day') return day;
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = addDaysTo(day, -weekday);
    return monday < period.from ? period.from : monday;
}

/** Every bucket of the period, in order, with its first and last day. */
export function buckets(period: DashboardPeriod): { start: string; end: string }[] {
    const result: { start: string; end: string }[] = [];
    for (let day = period.from; day <= period.to; day = addDaysTo(day, 1)) {
        const start = bucketOf(day, period);
        const last = result[result.length - 1];
        if (last?.start === start) last.end = day;
        else result.push({ start, end: day });
    }
    return result;
}

/** Every day of the period, in order. */
export function days(period: DashboardPeriod): string[] {
    const result: string[] = [];
    for (let day = period.from; day <= period.to; day = addDaysTo(day, 1)) result.push(day);
    return result;
}
