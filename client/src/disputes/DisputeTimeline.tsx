import { Alert, Box, Skeleton, Stack, Typography } from '@mui/material';
import HistoryIcon from '@mui/icons-material/History';
import { useRecordContext, useTranslate } from 'react-admin';
import { SectionCard } from '../common/SectionCard';
import type { Dispute, TimelineEntry } from '../types';
import { AttachmentEntry } from './timeline/AttachmentEntry';
import { DecisionEntry } from './timeline/DecisionEntry';
import { EventEntry } from './timeline/EventEntry';
import { EvidenceRequestEntry } from './timeline/EvidenceRequestEntry';
import { MessageEntry } from './timeline/MessageEntry';
import { OfferEntry } from './timeline/OfferEntry';
import { TimelineControls } from './timeline/TimelineControls';
import { useTimelineView } from './timeline/timelineView';
import { useTimeline } from './useTimeline';

const Entry = ({ entry }: { entry: TimelineEntry }) => {
    switch (entry.kind) {
        case 'message':
            return <MessageEntry message={entry.record} at={entry.at} />;
        case 'offer':
            return <OfferEntry offer={entry.record} at={entry.at} />;
        case 'attachment':
            return <AttachmentEntry attachment={entry.record} at={entry.at} />;
        case 'evidence_request':
            return <EvidenceRequestEntry request={entry.record} at={entry.at} />;
        case 'decision':
            return <DecisionEntry decision={entry.record} at={entry.at} />;
        case 'event':
            return <EventEntry event={entry.record} at={entry.at} />;
    }
};

/** Messages, offers, evidence, rulings and lifecycle steps of the dispute, in the order and kinds chosen. */
export const DisputeTimeline = () => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const { data, isPending, error } = useTimeline(record?.id);
    const view = useTimelineView();
    const shown = data ? view.apply(data) : [];
    return (
        <SectionCard
            title={translate('resources.disputes.sections.timeline')}
            icon={<HistoryIcon fontSize="small" />}
            data-testid="dispute-timeline"
            action={<TimelineControls view={view} />}
        >
            {isPending ? (
                <Stack spacing={1.5}>
                    {[0, 1, 2].map((i) => (
                        <Stack key={i} direction="row" spacing={1.5}>
                            <Skeleton variant="circular" width={32} height={32} />
                            <Box sx={{ flex: 1 }}>
                                <Skeleton width="40%" />
                                <Skeleton />
                            </Box>
                        </Stack>
                    ))}
                </Stack>
            ) : error ? (
                <Alert severity="error">{translate('resources.disputes.timeline.error')}</Alert>
            ) : data.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    {translate('resources.disputes.timeline.empty')}
                </Typography>
            ) : shown.length === 0 ? (
                <Typography variant="body2" color="text.secondary" data-testid="timeline-all-hidden">
                    {translate('usability.timeline.all_hidden')}
                </Typography>
            ) : (
                <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
                    {shown.map((entry) => (
                        <Entry key={entry.id} entry={entry} />
                    ))}
                </Box>
            )}
        </SectionCard>
    );
};
