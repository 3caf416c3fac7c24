import { Box, Skeleton, Typography } from '@mui/material';
import { useListFilterContext, useLocale, useTranslate } from 'react-admin';
import { queueFilterOf } from '../disputeWorkflow';
import { numberFormat } from '../../../shared/intlFormats';
import { useQueueCounts } from './useQueueCounts';

/** How many disputes wait in the queue, and how many of them the current filters leave. */
export const QueueTotal = ({ filtered }: { filtered?: number }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const { filterValues } = useListFilterContext();
    const { data: all } = useQueueCounts();
    const isFiltered = Object.keys(queueFilterOf(filterValues)).length > 0;
    const format = (n: number) => numberFormat(locale).format(n);
    if (!all) return <Skeleton height={48} />;
    return (
        <Box data-testid="queue-total" data-total={all.total}>
            <Typography variant="h5" component="div" sx={{ fontWeight: 600, lineHeight: 1.2 }}>
                {format(all.total)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
                {translate('resources.queue.total', { smart_count: all.total })}
            </Typography>
            {isFiltered && filtered !== undefined && (
                <Typography variant="body2" color="primary" sx={{ mt: 0.5, fontWeight: 500 }}>
                    {translate('resources.queue.matching', {
                        smart_count: filtered,
                        count: format(filtered),
                    })}
                </Typography>
            )}
        </Box>
    );
};
