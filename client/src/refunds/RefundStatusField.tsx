import { Chip, Stack, Tooltip } from '@mui/material';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { useRecordContext, useTranslate } from 'react-admin';
import { DEFAULT_POLICY, DAY_MS } from '../../../shared/policy';
import { useNow } from '../common/useNow';
import type { Refund } from '../types';

const COLOR = { requested: 'info', completed: 'success', failed: 'error', cancelled: 'default' } as const;

/** A refund not completed within the policy's maximum is an alert (the server's timer flags it too). */
export function isRefundOverdue(refund: Refund, now: Date): boolean {
    return (
        refund.status === 'requested' &&
        (refund.overdue ||
            now.getTime() - new Date(refund.requestedAt).getTime() > DEFAULT_POLICY.refundMaxDays * DAY_MS)
    );
}

export const RefundStatusField = (_props: { source?: string; label?: string }) => {
    const refund = useRecordContext<Refund>();
    const translate = useTranslate();
    const now = useNow();
    if (!refund) return null;
    const overdue = isRefundOverdue(refund, now);
    return (
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <Chip
                size="small"
                variant="outlined"
                color={COLOR[refund.status] ?? 'default'}
                label={translate(`enums.refundStatus.${refund.status}`)}
            />
            {overdue && (
                <Tooltip
                    title={translate('resources.refunds.overdue', { days: DEFAULT_POLICY.refundMaxDays })}
                    arrow
                >
                    <WarningAmberIcon color="error" fontSize="small" data-testid="refund-overdue" />
                </Tooltip>
            )}
        </Stack>
    );
};
