/** Strings of the supervisor's dashboard (`dashboard.*`) and of the lists' CSV export (`csv_export.*`). */
export const enDashboard = {
    dashboard: {
        title: 'Dashboard',
        menu: 'Dashboard',
        period: {
            from: 'From',
            to: 'To',
            bucket: 'Per',
            day: 'Day',
            week: 'Week',
            currency: 'Currency',
            any_currency: 'Most refunded',
        },
        loading: 'Loading…',
        empty: 'Nothing in this period',
        failed: 'This chart could not be loaded: %{message}',
        queue: {
            title: 'Queue size and age',
            size: 'Disputes in review',
            age: 'Mean age (days)',
        },
        sla_breaches: {
            title: 'SLA breaches',
            target: 'Review target missed',
            hard: 'Hard limit missed',
        },
        outcomes: {
            title: 'Outcomes by reason',
        },
        refunds: {
            title: 'Refunds (%{currency})',
            title_none: 'Refunds',
            requested: 'Requested',
            paid: 'Paid',
            totals: '%{currency}: %{requested} requested (%{requestedCount}), %{paid} paid (%{paidCount})',
        },
        mediators: {
            title: 'Mediator throughput',
            rulings: 'Rulings issued',
        },
        refunds_overdue: {
            title: 'Refunds overdue (%{currency})',
            title_none: 'Refunds overdue',
            overdue: 'Found overdue',
            open: 'Still unpaid',
            totals: '%{currency}: %{open} unpaid (%{openAmount})',
        },
    },
    csv_export: {
        label: 'Export',
    },
};
