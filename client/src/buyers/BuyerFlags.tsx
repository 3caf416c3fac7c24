import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import FlagIcon from '@mui/icons-material/Flag';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Buyer } from '../types';

/** "Frequent disputer" and "Blocked" chips, with the reason on hover. */
export const BuyerFlags = ({ emptyText }: { label?: string; emptyText?: string }) => {
    const buyer = useRecordContext<Buyer>();
    const translate = useTranslate();
    if (!buyer) return null;
    if (!buyer.flagged && !buyer.blocked) {
        return emptyText ? (
            <Typography component="span" variant="body2" color="text.secondary">
                {emptyText}
            </Typography>
        ) : null;
    }
    return (
        <Stack direction="row" spacing={0.5}>
            {buyer.flagged && (
                <Tooltip title={buyer.flagReason ?? ''} arrow>
                    <Chip
                        size="small"
                        color="error"
                        variant="outlined"
                        icon={<FlagIcon />}
                        label={translate('resources.buyers.flagged')}
                    />
                </Tooltip>
            )}
            {buyer.blocked && (
                <Tooltip title={buyer.blockReason ?? ''} arrow>
                    <Chip
                        size="small"
                        color="error"
                        icon={<BlockIcon />}
                        label={translate('resources.buyers.blocked')}
                    />
                </Tooltip>
            )}
        </Stack>
    );
};
