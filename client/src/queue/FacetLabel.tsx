import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { useLocale } from 'react-admin';
import { numberFormat } from '../../../shared/intlFormats';

/** A filter value with how many queued disputes it would leave, right-aligned. */
export const FacetLabel = ({ text, count }: { text: ReactNode; count?: number }) => {
    const locale = useLocale();
    return (
        <Box
            component="span"
            sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, width: '100%' }}
        >
            <Box
                component="span"
                title={typeof text === 'string' ? text : undefined}
                sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            >
                {text}
            </Box>
            {count !== undefined && (
                <Box
                    component="span"
                    sx={{
                        color: count ? 'text.secondary' : 'text.disabled',
                        fontVariantNumeric: 'tabular-nums',
                    }}
                    data-count={count}
                >
                    {numberFormat(locale).format(count)}
                </Box>
            )}
        </Box>
    );
};
