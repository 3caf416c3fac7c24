import { Box, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface ChartState {
    isPending: boolean;
    error: Error | null;
    /** Nothing to draw in this period. */
    empty: boolean;
}

export const CHART_HEIGHT = 260;

/** A chart's frame: its title, and its loading, error and empty states in the chart's place. */
export const ChartCard = ({
    title,
    testId,
    state,
    footer,
    children,
}: {
    title: string;
    testId: string;
    state: ChartState;
    footer?: ReactNode;
    children: () => ReactNode;
}) => {
    const translate = useTranslate();
    const status = state.isPending ? 'loading' : state.error ? 'error' : state.empty ? 'empty' : 'ready';
    const message = (text: ReactNode) => (
        <Box
            sx={{
                height: CHART_HEIGHT,
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                gap: 1,
            }}
        >
            {text}
        </Box>
    );
    return (
        <Card data-testid={testId} data-state={status} sx={{ height: '100%' }}>
            <CardContent>
                <Typography variant="h6" component="h2" gutterBottom>
                    {title}
                </Typography>
                {status === 'loading' &&
                    message(
                        <>
                            <CircularProgress size={20} />
                            <Typography color="text.secondary">{translate('dashboard.loading')}</Typography>
                        </>
                    )}
                {status === 'error' &&
                    message(
                        <Typography color="error">
                            {translate('dashboard.failed', { message: state.error?.message ?? '' })}
                        </Typography>
                    )}
                {status === 'empty' &&
                    message(<Typography color="text.secondary">{translate('dashboard.empty')}</Typography>)}
                {status === 'ready' && children()}
                {status === 'ready' && footer}
            </CardContent>
        </Card>
    );
};
