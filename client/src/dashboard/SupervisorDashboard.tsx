import { Grid } from '@mui/material';
import { useState } from 'react';
import { Title } from 'react-admin';
import { DEFAULT_PERIOD_DAYS } from '../../../shared/dashboard';
import { DashboardPeriodBar } from './DashboardPeriodBar';
import { MediatorsChart } from './MediatorsChart';
import { OutcomesChart } from './OutcomesChart';
import { QueueChart } from './QueueChart';
import { RefundsChart } from './RefundsChart';
import { RefundsOverdueChart } from './RefundsOverdueChart';
import { SlaBreachesChart } from './SlaBreachesChart';
import type { DashboardQuery } from './useDashboardChart';

const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

function lastDays(days: number): DashboardQuery {
    const now = Date.now();
    return { from: utcDay(now - (days - 1) * 86_400_000), to: utcDay(now), bucket: 'day', currency: '' };
}

const CHARTS = [
    QueueChart,
    SlaBreachesChart,
    OutcomesChart,
    MediatorsChart,
    RefundsChart,
    RefundsOverdueChart,
];

/** The supervisor's landing page: the queue's health, outcomes and money, over a chosen period. */
const SupervisorDashboard = () => {
    const [query, setQuery] = useState(() => lastDays(DEFAULT_PERIOD_DAYS));
    return (
        <>
            <Title title="dashboard.title" />
            <DashboardPeriodBar query={query} onChange={setQuery} />
            <Grid container spacing={2} data-testid="dashboard">
                {CHARTS.map((Chart, index) => (
                    <Grid key={index} size={{ xs: 12, lg: 6 }}>
                        <Chart query={query} />
                    </Grid>
                ))}
            </Grid>
        </>
    );
};

// React.lazy wants a default export: this module and MUI X Charts load only for supervisors.
export default SupervisorDashboard;
