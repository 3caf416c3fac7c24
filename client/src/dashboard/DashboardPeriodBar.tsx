import { MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { BUCKETS, type Bucket, type RefundsChart } from '../../../shared/dashboard';
import { useDashboardChart, type DashboardQuery } from './useDashboardChart';

/** The period (from, to, per day or week) and the currency of the money charts. */
export const DashboardPeriodBar = ({
    query,
    onChange,
}: {
    query: DashboardQuery;
    onChange: (query: DashboardQuery) => void;
}) => {
    const translate = useTranslate();
    // The same call as the refunds chart's (answered once): it lists the period's currencies.
    const { data } = useDashboardChart<RefundsChart>('refunds', query);
    const currencies = data?.currencies.map((c) => c.currency) ?? [];
    const set = (changes: Partial<DashboardQuery>) => onChange({ ...query, ...changes });
    return (
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 2, my: 2 }}>
            <TextField
                type="date"
                size="small"
                fullWidth={false}
                sx={{ width: 170 }}
                label={translate('dashboard.period.from')}
                value={query.from}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: query.to } }}
                onChange={(e) => e.target.value && set({ from: e.target.value })}
            />
            <TextField
                type="date"
                size="small"
                fullWidth={false}
                sx={{ width: 170 }}
                label={translate('dashboard.period.to')}
                value={query.to}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: query.from } }}
                onChange={(e) => e.target.value && set({ to: e.target.value })}
            />
            <ToggleButtonGroup
                size="small"
                exclusive
                value={query.bucket}
                aria-label={translate('dashboard.period.bucket')}
                onChange={(_e, bucket: Bucket | null) => bucket && set({ bucket })}
            >
                {BUCKETS.map((bucket) => (
                    <ToggleButton key={bucket} value={bucket}>
                        {translate(`dashboard.period.${bucket}`)}
                    </ToggleButton>
                ))}
            </ToggleButtonGroup>
            <TextField
                select
                size="small"
                fullWidth={false}
                sx={{ width: 170 }}
                label={translate('dashboard.period.currency')}
                value={query.currency}
                onChange={(e) => set({ currency: e.target.value })}
            >
                <MenuItem value="">{translate('dashboard.period.any_currency')}</MenuItem>
                {[...new Set([...currencies, ...(query.currency ? [query.currency] : [])])].map((code) => (
                    <MenuItem key={code} value={code}>
                        {code}
                    </MenuItem>
                ))}
            </TextField>
        </Stack>
    );
};
