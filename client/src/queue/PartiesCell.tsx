import { Box, Typography } from '@mui/material';
import StorefrontOutlinedIcon from '@mui/icons-material/StorefrontOutlined';
import { useRecordContext } from 'react-admin';
import { DisputeBuyerCell } from '../disputes/DisputeBuyerCell';
import type { Dispute } from '../types';

/** Buyer (country, flag) over seller: both parties in one narrow column. */
export const PartiesCell = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext<Dispute>();
    if (!record) return null;
    return (
        <Box sx={{ minWidth: 0 }}>
            <DisputeBuyerCell />
            <Typography
                component="div"
                variant="caption"
                color="text.secondary"
                title={record.sellerName}
                sx={{
                    display: 'flex',
                    alignItems: 'center',
                    gap: 0.5,
                    maxWidth: 230,
                    whiteSpace: 'nowrap',
                }}
            >
                <StorefrontOutlinedIcon sx={{ fontSize: 14 }} />
                <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {record.sellerName}
                </Box>
            </Typography>
        </Box>
    );
};
