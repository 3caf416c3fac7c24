import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import { OUTCOMES } from '../../../shared/domain';
import { ENDINGS, type Ending, type OutcomesChart as OutcomesAnswer } from '../../../shared/dashboard';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import { useDashboardChart, type DashboardQuery } from './useDashboardChart';

const endingLabel = (ending: Ending) =>
    (OUTCOMES as readonly string[]).includes(ending)
        ? `enums.outcome.${ending}`
        : `enums.resolution.${ending}`;

/** How the disputes that ended in the period ended, one stacked bar per reason. */
export const OutcomesChart = ({ query }: { query: DashboardQuery }) => {
    const translate = useTranslate();
    const { data, isPending, error } = useDashboardChart<OutcomesAnswer>('outcomes', query);
    const rows = data?.rows ?? [];
    return (
        <ChartCard
            title={translate('dashboard.outcomes.title')}
            testId="chart-outcomes"
            state={{ isPending, error, empty: rows.length === 0 }}
        >
            {() => (
                <BarChart
                    height={Math.max(CHART_HEIGHT, rows.length * 28 + 80)}
                    layout="horizontal"
                    dataset={rows.map((row) => ({ ...row, label: translate(`enums.reason.${row.reason}`) }))}
                    yAxis={[{ scaleType: 'band', dataKey: 'label', width: 150 }]}
                    xAxis={[{ tickMinStep: 1 }]}
                    series={ENDINGS.map((ending) => ({
                        dataKey: ending,
                        label: translate(endingLabel(ending)),
                        stack: 'outcomes',
                    }))}
                />
            )}
        </ChartCard>
    );
};
