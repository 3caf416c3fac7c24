import { Chip, Typography } from '@mui/material';
import AssignmentLateOutlinedIcon from '@mui/icons-material/AssignmentLateOutlined';
import { useLocale, useTranslate } from 'react-admin';
import { ExactTimeTooltip } from '../../common/ExactTimeTooltip';
import { formatRelative } from '../../common/relativeTime';
import { useNow } from '../../common/useNow';
import type { EvidenceRequest } from '../../types';
import { TimelineItem, TimelineText } from './TimelineItem';

const STATUS_COLOR = {
    open: 'warning',
    fulfilled: 'success',
    expired: 'error',
    cancelled: 'default',
} as const;

export const EvidenceRequestEntry = ({ request, at }: { request: EvidenceRequest; at: string }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const now = useNow();
    const due = new Date(request.dueAt);
    return (
        <TimelineItem
            kind="evidence_request"
            icon={<AssignmentLateOutlinedIcon />}
            color="#ed6c02"
            title={translate('resources.disputes.timeline.evidence_request', {
                target: translate(`enums.evidenceTarget.${request.requestedFrom}`),
            })}
            at={at}
            meta={
                <>
                    <Chip
                        size="small"
                        variant="outlined"
                        color={STATUS_COLOR[request.status] ?? 'default'}
                        label={translate(`enums.evidenceStatus.${request.status}`)}
                    />
                    <ExactTimeTooltip date={due}>
                        <Typography variant="caption" color="text.secondary">
                            {translate('resources.disputes.timeline.evidence_due', {
                                time: formatRelative(due, now, locale),
                            })}
                        </Typography>
                    </ExactTimeTooltip>
                </>
            }
        >
            <TimelineText>{request.message}</TimelineText>
        </TimelineItem>
    );
};
