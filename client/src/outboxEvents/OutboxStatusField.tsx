import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { OutboxStatus } from '../../../shared/domain';
import type { OutboxEvent } from './outboxTypes';

const COLOR: Record<OutboxStatus, 'info' | 'success' | 'error'> = {
    pending: 'info',
    delivered: 'success',
    dead: 'error',
};

/** Delivery state of an outbox event as a chip (a pending event that already failed says so). */
export const OutboxStatusField = (_props: { source?: string; label?: string }) => {
    const event = useRecordContext<OutboxEvent>();
    const translate = useTranslate();
    if (!event) return null;
    const retrying = event.status === 'pending' && event.attempts > 0;
    return (
        <Chip
            size="small"
            variant={event.status === 'delivered' ? 'filled' : 'outlined'}
            color={retrying ? 'warning' : COLOR[event.status]}
            label={translate(
                retrying ? 'resources.outbox-events.retrying' : `enums.outboxStatus.${event.status}`
            )}
            data-testid="outbox-status"
            data-status={event.status}
        />
    );
};
