import { Stack, Typography } from '@mui/material';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import TimelineIcon from '@mui/icons-material/Timeline';
import { useTranslate } from 'react-admin';
import { humanize } from '../../common/enums';
import { StatusChip } from '../../common/StatusChip';
import type { DisputeEvent } from '../../types';
import { TimelineItem } from './TimelineItem';

/** The staff member's name when a person acted, else the kind of actor. */
function useActorName(event: DisputeEvent): string {
    const translate = useTranslate();
    return (
        event.actorName ?? translate(`enums.actorKind.${event.actorKind}`, { _: humanize(event.actorKind) })
    );
}

/** A lifecycle step: the action, the state change, who caused it. */
export const EventEntry = ({ event, at }: { event: DisputeEvent; at: string }) => {
    const translate = useTranslate();
    const actor = useActorName(event);
    return (
        <TimelineItem
            kind="event"
            icon={<TimelineIcon />}
            color="#90a4ae"
            title={translate(`enums.disputeAction.${event.action}`, { _: humanize(event.action) })}
            at={at}
            meta={
                <Typography variant="caption" color="text.secondary">
                    {translate('resources.disputes.timeline.event_by', { actor })}
                </Typography>
            }
        >
            <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                {event.fromStatus && event.fromStatus !== event.toStatus && (
                    <>
                        <StatusChip record={{ id: event.id, status: event.fromStatus }} />
                        <ArrowForwardIcon fontSize="small" color="action" />
                    </>
                )}
                <StatusChip record={{ id: event.id, status: event.toStatus }} />
            </Stack>
            {event.note && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                    {event.note}
                </Typography>
            )}
        </TimelineItem>
    );
};
