import { Tooltip, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { RelativeDateField } from '../common/RelativeDateField';
import type { OutboxEvent } from './outboxTypes';

/** The last failure in one line, the whole text on hover. */
export const LastErrorField = (_props: { source?: string; label?: string }) => {
    const event = useRecordContext<OutboxEvent>();
    if (!event?.lastError) {
        return (
            <Typography variant="body2" component="span" color="text.secondary">
                —
            </Typography>
        );
    }
    return (
        <Tooltip title={event.lastError}>
            <Typography
                variant="body2"
                component="span"
                color="error"
                sx={{
                    display: 'block',
                    maxWidth: 280,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                }}
            >
                {event.lastError}
            </Typography>
        </Tooltip>
    );
};

/** When the next attempt is due: only while the event is still pending. */
export const NextAttemptField = (_props: { source?: string; label?: string }) => {
    const event = useRecordContext<OutboxEvent>();
    if (event?.status !== 'pending') {
        return (
            <Typography variant="body2" component="span" color="text.secondary">
                —
            </Typography>
        );
    }
    return <RelativeDateField source="nextAttemptAt" short />;
};
