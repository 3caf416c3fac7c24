import { Box, Tooltip } from '@mui/material';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Dispute } from '../types';

/**
 * The queue row's `#id`, with a warning when one of the dispute's files (or a near-identical
 * picture) was also filed in another dispute: the tooltip names which.
 */
export const QueueIdCell = (_props: { source?: string }) => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    if (!record) return null;
    const others = record.reusedEvidenceIn ?? [];
    const title =
        others.length === 1
            ? translate('evidence_extras.queue_reused', { dispute: others[0] })
            : translate('evidence_extras.queue_reused_many', {
                  disputes: others.map((id) => `#${id}`).join(', '),
              });
    return (
        <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            #{record.id}
            {others.length > 0 && (
                <Tooltip title={title}>
                    <WarningAmberIcon
                        color="warning"
                        sx={{ fontSize: 16 }}
                        aria-label={title}
                        aria-hidden={false}
                        role="img"
                        data-testid="queue-reused-evidence"
                        data-disputes={others.join(',')}
                    />
                </Tooltip>
            )}
        </Box>
    );
};
