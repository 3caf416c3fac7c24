import { Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTranslate } from 'react-admin';
import { TIMELINE_KINDS, type TimelineKind, type TimelineOrder, type useTimelineView } from './timelineView';

/** Newest or oldest first, and which kinds of entry to show (toggle buttons). */
export const TimelineControls = ({ view }: { view: ReturnType<typeof useTimelineView> }) => {
    const translate = useTranslate();
    return (
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
            <ToggleButtonGroup
                size="small"
                value={view.kinds}
                onChange={(_event, kinds: TimelineKind[]) => view.setKinds(kinds)}
                aria-label={translate('usability.timeline.kinds')}
            >
                {TIMELINE_KINDS.map((kind) => (
                    <ToggleButton key={kind} value={kind} sx={{ py: 0.25, textTransform: 'none' }}>
                        {translate(`usability.timeline.kind.${kind}`)}
                    </ToggleButton>
                ))}
            </ToggleButtonGroup>
            <ToggleButtonGroup
                size="small"
                exclusive
                value={view.order}
                onChange={(_event, order: TimelineOrder | null) => order && view.setOrder(order)}
                aria-label={translate('usability.timeline.order')}
            >
                {(['oldest_first', 'newest_first'] as const).map((order) => (
                    <ToggleButton key={order} value={order} sx={{ py: 0.25, textTransform: 'none' }}>
                        {translate(`usability.timeline.${order}`)}
                    </ToggleButton>
                ))}
            </ToggleButtonGroup>
        </Stack>
    );
};
