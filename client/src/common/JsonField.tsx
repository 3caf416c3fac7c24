import { Box, Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** A JSON value (audit before/after) as indented text. */
export const JsonField = (props: FieldProps) => {
    const value = useFieldValue(props);
    const translate = useTranslate();
    if (value === null || value === undefined) {
        return (
            <Typography variant="body2" color="text.secondary">
                {translate('app.json.empty')}
            </Typography>
        );
    }
    return (
        <Box
            component="pre"
            sx={{
                m: 0,
                p: 1,
                bgcolor: 'action.hover',
                borderRadius: 1,
                fontSize: 12,
                overflowX: 'auto',
                maxWidth: '100%',
            }}
        >
            {JSON.stringify(value, null, 2)}
        </Box>
    );
};
