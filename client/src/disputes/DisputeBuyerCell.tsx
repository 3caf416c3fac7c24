import { Box, Tooltip, Typography } from '@mui/material';
import FlagIcon from '@mui/icons-material/Flag';
import { RecordContextProvider, useRecordContext, useTranslate } from 'react-admin';
import { CountryField } from '../common/CountryField';
import type { Dispute } from '../types';

/** Buyer name, country code and, for frequent disputers, a red flag. */
export const DisputeBuyerCell = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, whiteSpace: 'nowrap' }}>
            <Typography component="span" variant="body2">
                {record.buyerName}
            </Typography>
            <RecordContextProvider value={record}>
                <CountryField source="buyerCountry" compact />
            </RecordContextProvider>
            {record.buyerFlagged && (
                <Tooltip title={translate('resources.buyers.flagged')} arrow>
                    <FlagIcon
                        color="error"
                        sx={{ fontSize: 16 }}
                        aria-label={translate('resources.buyers.flagged')}
                    />
                </Tooltip>
            )}
        </Box>
    );
};
