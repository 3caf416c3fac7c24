import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import { useResourceContext, useTranslateLabel } from 'react-admin';

/** Label–value rows, two columns, for dense detail blocks. */
export const PropertyList = ({ children }: { children: ReactNode }) => (
    <Box
        component="dl"
        sx={{
            display: 'grid',
            gridTemplateColumns: 'minmax(110px, max-content) 1fr',
            columnGap: 2,
            rowGap: 0.75,
            m: 0,
            alignItems: 'baseline',
        }}
    >
        {children}
    </Box>
);

/** One row: the label of `source` in the current resource (or `label`), then the value. */
export const Property = ({
    source,
    label,
    children,
}: {
    source?: string;
    label?: string;
    children: ReactNode;
}) => {
    const resource = useResourceContext();
    const translateLabel = useTranslateLabel();
    return (
        <>
            <Typography component="dt" variant="body2" color="text.secondary">
                {translateLabel({ source, label, resource })}
            </Typography>
            <Box component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
                {typeof children === 'string' || typeof children === 'number' ? (
                    <Typography variant="body2" component="span" sx={{ whiteSpace: 'pre-wrap' }}>
                        {children}
                    </Typography>
                ) : (
                    children
                )}
            </Box>
        </>
    );
};
