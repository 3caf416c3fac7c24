import { Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useLocale, useTranslate } from 'react-admin';
import type { RefundsChart as RefundsAnswer } from '../../../shared/dashboard';
import { formatMoney } from '../../../shared/money';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import { dayLabel, major, money } from './chartFormat';
import { useDashboardChart, type DashboardQuery } from './useDashboardChart';

/**
 * Refunds requested and paid, in one currency at a time (amounts are never added across
 * currencies); every currency's totals are listed under the chart.
 */
export const RefundsChart = ({ query }: { query: DashboardQuery }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const { data, isPending, error } = useDashboardChart<RefundsAnswer>('refunds', query);
    const currency = data?.currency ?? null;
    const points = data?.points ?? [];
    return (
        <ChartCard
            title={
                currency
                    ? translate('dashboard.refunds.title', { currency })
                    : translate('dashboard.refunds.title_none')
            }
            testId="chart-refunds"
            state={{ isPending, error, empty: !currency || points.every((p) => p.requested + p.paid === 0) }}
            footer={data?.currencies.map((total) => (
                <Typography key={total.currency} variant="body2" color="text.secondary">
                    {translate('dashboard.refunds.totals', {
                        currency: total.currency,
                        requested: formatMoney(total.requestedAmount, total.currency, locale),
                        requestedCount: total.requested,
                        paid: formatMoney(total.paidAmount, total.currency, locale),
                        paidCount: total.paid,
                    })}
                </Typography>
            ))}
        >
            {() => (
                <BarChart
                    height={CHART_HEIGHT}
                    dataset={points.map((p) => ({
                        day: p.day,
                        requested: major(p.requestedAmount, currency!),
                        paid: major(p.paidAmount, currency!),
                    }))}
                    xAxis={[
                        {
                            scaleType: 'band',
                            dataKey: 'day',
                            valueFormatter: (d: string) => dayLabel(d, locale),
                        },
                    ]}
                    yAxis={[{ width: 72 }]}
                    series={(['requested', 'paid'] as const).map((key) => ({
                        dataKey: key,
                        label: translate(`dashboard.refunds.${key}`),
                        valueFormatter: (v: number | null) => money(v, currency!, locale),
                    }))}
                />
            )}
        </ChartCard>
    );
};
