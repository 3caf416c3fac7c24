import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A column header read by screen readers only (a column of buttons needs no visible title). */
export const HiddenLabel = ({ text }: { text: string }) => {
    const translate = useTranslate();
    return (
        <Box
            component="span"
            sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
        >
            {translate(text)}
        </Box>
    );
};
