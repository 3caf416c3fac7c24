import { Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useLocale, useTranslate } from 'react-admin';
import type { RefundsOverdueChart as OverdueAnswer } from '../../../shared/dashboard';
import { formatMoney } from '../../../shared/money';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import { dayLabel } from './chartFormat';
import { useDashboardChart, type DashboardQuery } from './useDashboardChart';

/** Refunds found overdue per day or week, and how many overdue ones were still unpaid then. */
export const RefundsOverdueChart = ({ query }: { query: DashboardQuery }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const { data, isPending, error } = useDashboardChart<OverdueAnswer>('refunds-overdue', query);
    const currency = data?.currency ?? null;
    const points = data?.points ?? [];
    return (
        <ChartCard
            title={
                currency
                    ? translate('dashboard.refunds_overdue.title', { currency })
                    : translate('dashboard.refunds_overdue.title_none')
            }
            testId="chart-refunds-overdue"
            state={{ isPending, error, empty: !currency || points.every((p) => p.open + p.overdue === 0) }}
            footer={data?.currencies.map((total) => (
                <Typography key={total.currency} variant="body2" color="text.secondary">
                    {translate('dashboard.refunds_overdue.totals', {
                        currency: total.currency,
                        open: total.open,
                        openAmount: formatMoney(total.openAmount, total.currency, locale),
                    })}
                </Typography>
            ))}
        >
            {() => (
                <BarChart
                    height={CHART_HEIGHT}
                    dataset={points.map((p) => ({ ...p }))}
                    xAxis={[
                        {
                            scaleType: 'band',
                            dataKey: 'day',
                            valueFormatter: (d: string) => dayLabel(d, locale),
                        },
                    ]}
                    yAxis={[{ tickMinStep: 1 }]}
                    series={[
                        { dataKey: 'overdue', label: translate('dashboard.refunds_overdue.overdue') },
                        { dataKey: 'open', label: translate('dashboard.refunds_overdue.open') },
                    ]}
                />
            )}
        </ChartCard>
    );
};
