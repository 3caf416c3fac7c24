import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { PLATFORM_STATUSES } from '../common/SlaBar';
import type { Dispute } from '../types';

/** Who holds the dispute; "Unassigned" only where the platform owes the work. */
export const DisputeAssigneeField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    if (!record) return null;
    if (record.assigneeName) {
        return (
            <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                {record.assigneeName}
            </Typography>
        );
    }
    const unassigned = PLATFORM_STATUSES.includes(record.status);
    return (
        <Typography
            component="span"
            variant="body2"
            color={unassigned ? 'warning.dark' : 'text.secondary'}
            sx={{ whiteSpace: 'nowrap', fontStyle: unassigned ? 'italic' : undefined }}
        >
            {unassigned ? translate('resources.disputes.unassigned') : '—'}
        </Typography>
    );
};
