import { LineChart } from '@mui/x-charts/LineChart';
import { useLocale, useTranslate } from 'react-admin';
import type { QueueChart as QueueAnswer } from '../../../shared/dashboard';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import { dayLabel } from './chartFormat';
import { useDashboardChart, type DashboardQuery } from './useDashboardChart';

/** Disputes in platform review at the end of each day or week, and their mean age. */
export const QueueChart = ({ query }: { query: DashboardQuery }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const { data, isPending, error } = useDashboardChart<QueueAnswer>('queue', query);
    const points = data?.points ?? [];
    return (
        <ChartCard
            title={translate('dashboard.queue.title')}
            testId="chart-queue"
            state={{ isPending, error, empty: points.every((p) => p.size === 0) }}
        >
            {() => (
                <LineChart
                    height={CHART_HEIGHT}
                    xAxis={[
                        {
                            scaleType: 'point',
                            data: points.map((p) => p.day),
                            valueFormatter: (day: string) => dayLabel(day, locale),
                        },
                    ]}
                    yAxis={[
                        { id: 'size', position: 'left', tickMinStep: 1 },
                        { id: 'age', position: 'right' },
                    ]}
                    series={[
                        {
                            id: 'size',
                            yAxisId: 'size',
                            label: translate('dashboard.queue.size'),
                            data: points.map((p) => p.size),
                            area: true,
                            showMark: false,
                        },
                        {
                            id: 'age',
                            yAxisId: 'age',
                            label: translate('dashboard.queue.age'),
                            data: points.map((p) => p.meanAgeDays),
                            showMark: false,
                        },
                    ]}
                />
            )}
        </ChartCard>
    );
};
