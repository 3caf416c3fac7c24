import { Alert } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetList, useLocale, useTranslate } from 'react-admin';
import { formatDuration } from '../common/relativeTime';
import { useNow } from '../common/useNow';
import type { OutboxEvent } from './outboxTypes';

/** A pending event overdue by this much means nothing is being sent. */
const STALL_MS = 2 * 60_000;

/**
 * Says so when deliveries stand still: the oldest due event has waited well past its next
 * attempt, which is what an unset MARKETPLACE_WEBHOOK_URL (or a stopped worker) looks like.
 */
export const DeliveryStallNotice = () => {
    const translate = useTranslate();
    const locale = useLocale();
    const now = useNow();
    const { data } = useGetList<OutboxEvent>(
        'outbox-events',
        {
            filter: { status: 'pending' },
            sort: { field: 'nextAttemptAt', order: 'ASC' },
            pagination: { page: 1, perPage: 1 },
        },
        { refetchInterval: 30_000 }
    );
    const dataProvider = useDataProvider();
    const delivery = useQuery({
        queryKey: ['outbox-events', 'delivery'],
        queryFn: () => dataProvider.webhookDelivery() as Promise<{ configured: boolean }>,
    });
    if (delivery.data && !delivery.data.configured) {
        return (
            <Alert severity="info" sx={{ mb: 1 }} data-testid="deliveries-not-configured">
                {translate('resources.outbox-events.notConfigured')}
            </Alert>
        );
    }
    const oldest = data?.[0];
    if (!oldest?.nextAttemptAt) return null;
    const late = now.getTime() - new Date(oldest.nextAttemptAt).getTime();
    if (late < STALL_MS) return null;
    return (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="deliveries-stalled">
            {translate('resources.outbox-events.stalled', { duration: formatDuration(late, locale) })}
        </Alert>
    );
};
