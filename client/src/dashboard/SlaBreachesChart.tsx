import { BarChart } from '@mui/x-charts/BarChart';
import { useLocale, useTranslate } from 'react-admin';
import type { SlaBreachesChart as SlaAnswer } from '../../../shared/dashboard';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import { dayLabel } from './chartFormat';
import { useDashboardChart, type DashboardQuery } from './useDashboardChart';

/** Review-target and hard-limit breaches per day or week. */
export const SlaBreachesChart = ({ query }: { query: DashboardQuery }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const { data, isPending, error } = useDashboardChart<SlaAnswer>('sla-breaches', query);
    const points = data?.points ?? [];
    return (
        <ChartCard
            title={translate('dashboard.sla_breaches.title')}
            testId="chart-sla-breaches"
            state={{ isPending, error, empty: points.every((p) => p.target + p.hard === 0) }}
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
                        {
                            dataKey: 'target',
                            label: translate('dashboard.sla_breaches.target'),
                            stack: 'sla',
                        },
                        { dataKey: 'hard', label: translate('dashboard.sla_breaches.hard'), stack: 'sla' },
                    ]}
                />
            )}
        </ChartCard>
    );
};
