import { Typography } from '@mui/material';
import { useLocale, useRecordContext } from 'react-admin';
import { DAY_MS } from '../../../shared/policy';
import { formatDuration } from '../common/relativeTime';
import { useNow } from '../common/useNow';
import type { Decision } from '../types';

/** How long a ruling has waited for a supervisor (warm after a day). */
export const WaitingField = (_props: { label?: string }) => {
    const decision = useRecordContext<Decision>();
    const locale = useLocale();
    const now = useNow();
    if (!decision) return null;
    const waited = now.getTime() - new Date(decision.createdAt).getTime();
    return (
        <Typography
            variant="body2"
            component="span"
            color={waited > DAY_MS ? 'warning.main' : undefined}
            sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
            data-testid="approval-waiting"
        >
            {formatDuration(waited, locale)}
        </Typography>
    );
};
