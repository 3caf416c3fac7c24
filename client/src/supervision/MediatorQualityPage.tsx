import { useState } from 'react';
import { Alert, Card, CardContent, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, Title, useTranslate } from 'react-admin';
import { MediatorQualityTable } from './MediatorQualityTable';
import { dayFromToday, fetchMediatorQuality } from './supervisionApi';

/** /mediator-quality: each mediator's figures for a period, outliers highlighted with the reason. */
export const MediatorQualityPage = () => {
    const translate = useTranslate();
    const [period, setPeriod] = useState({ from: dayFromToday(-29), to: dayFromToday() });
    const { data, error, isPending } = useQuery({
        queryKey: ['mediator-quality', period.from, period.to],
        queryFn: () => fetchMediatorQuality(period.from, period.to),
    });
    const day = (bound: 'from' | 'to') => (
        <TextField
            type="date"
            size="small"
            sx={{ width: 170 }}
            label={translate(`supervision.quality.${bound}`)}
            value={period[bound]}
            onChange={(event) => event.target.value && setPeriod({ ...period, [bound]: event.target.value })}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `quality-${bound}` } }}
        />
    );
    return (
        <Card sx={{ mt: 2 }}>
            <Title title={translate('supervision.quality.title')} />
            <CardContent>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
                    {day('from')}
                    {day('to')}
                    {data && (
                        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
                            {translate('supervision.quality.thresholds', data.thresholds)}
                        </Typography>
                    )}
                    <Button
                        component="a"
                        href={`/api/mediator-quality/export.csv?${new URLSearchParams(period).toString()}`}
                        download
                        label="csv_export.label"
                        disabled={!data || data.mediators.length === 0}
                    >
                        <DownloadIcon />
                    </Button>
                </Stack>
                {isPending && <LinearProgress />}
                {error && <Alert severity="error">{error.message}</Alert>}
                {data && <MediatorQualityTable rows={data.mediators} />}
            </CardContent>
        </Card>
    );
};
