import { useQuery } from '@tanstack/react-query';
import type { Bucket, DashboardChart } from '../../../shared/dashboard';
import { httpClient } from '../dataProvider';

export interface DashboardQuery {
    from: string;
    to: string;
    bucket: Bucket;
    /** Only the money charts take it; empty: the currency with the most refunds. */
    currency: string;
}

const MONEY: readonly DashboardChart[] = ['refunds', 'refunds-overdue'];

/** One chart's answer: one API call per chart, cached by period (and currency for money). */
export function useDashboardChart<T>(chart: DashboardChart, query: DashboardQuery) {
    const params = new URLSearchParams({ from: query.from, to: query.to, bucket: query.bucket });
    if (MONEY.includes(chart) && query.currency) params.set('currency', query.currency);
    const url = `/api/dashboard/${chart}?${params.toString()}`;
    return useQuery({
        queryKey: ['dashboard', url],
        queryFn: async () => (await httpClient(url)).json as T,
    });
}
