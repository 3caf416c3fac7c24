import { Chip, Tooltip, Typography } from '@mui/material';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';
import { formatRelative } from '../common/relativeTime';
import { useNow } from '../common/useNow';
import type { Refund } from '../types';

/** "Overdue" (flagged when, on hover) for a refund the overdue timer flagged; a dash otherwise. */
export const RefundOverdueField = (_props: { source?: string; label?: string }) => {
    const refund = useRecordContext<Refund>();
    const translate = useTranslate();
    const locale = useLocale();
    const now = useNow();
    if (!refund?.overdueAt || refund.status !== 'requested') {
        return (
            <Typography variant="body2" component="span" color="text.secondary">
                —
            </Typography>
        );
    }
    return (
        <Tooltip
            title={translate('resources.refunds.overdue_since', {
                when: formatRelative(new Date(refund.overdueAt), now, locale),
            })}
        >
            <Chip
                size="small"
                color="error"
                label={translate('resources.refunds.fields.overdue')}
                data-testid="refund-overdue-chip"
            />
        </Tooltip>
    );
};
