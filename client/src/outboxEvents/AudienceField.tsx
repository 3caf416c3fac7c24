import { useRecordContext, useTranslate } from 'react-admin';
import { Typography } from '@mui/material';
import type { OutboxEvent } from './outboxTypes';

/** Who an event is for: one party, or both (no audience). */
export const AudienceField = (_props: { source?: string; label?: string }) => {
    const event = useRecordContext<OutboxEvent>();
    const translate = useTranslate();
    if (!event) return null;
    return (
        <Typography variant="body2" component="span" data-testid="outbox-audience">
            {event.audience
                ? translate(`enums.party.${event.audience}`, { _: event.audience })
                : translate('resources.outbox-events.both')}
        </Typography>
    );
};
