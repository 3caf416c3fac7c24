import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

const visuallyHidden = {
    position: 'absolute',
    width: 1,
    height: 1,
    padding: 0,
    margin: '-1px',
    border: 0,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    clip: 'rect(0 0 0 0)',
} as const;

/** A column header read by screen readers only (a column of buttons needs no visible title). */
export const HiddenLabel = ({ text }: { text: string }) => {
    const translate = useTranslate();
    return (
        <Box component="span" sx={visuallyHidden}>
            {translate(text)}
        </Box>
    );
};
