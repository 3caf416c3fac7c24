import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import type { MediatorsChart as MediatorsAnswer } from '../../../shared/dashboard';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import { useDashboardChart, type DashboardQuery } from './useDashboardChart';

/** Rulings each mediator issued in the period, most first. */
export const MediatorsChart = ({ query }: { query: DashboardQuery }) => {
    const translate = useTranslate();
    const { data, isPending, error } = useDashboardChart<MediatorsAnswer>('mediators', query);
    const rows = data?.rows ?? [];
    return (
        <ChartCard
            title={translate('dashboard.mediators.title')}
            testId="chart-mediators"
            state={{ isPending, error, empty: rows.length === 0 }}
        >
            {() => (
                <BarChart
                    height={Math.max(CHART_HEIGHT, rows.length * 28 + 80)}
                    layout="horizontal"
                    dataset={rows.map((row) => ({ ...row, label: row.name ?? `#${row.mediatorId}` }))}
                    yAxis={[{ scaleType: 'band', dataKey: 'label', width: 150 }]}
                    xAxis={[{ tickMinStep: 1 }]}
                    series={[{ dataKey: 'rulings', label: translate('dashboard.mediators.rulings') }]}
                />
            )}
        </ChartCard>
    );
};
