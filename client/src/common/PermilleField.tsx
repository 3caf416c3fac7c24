import { Typography } from '@mui/material';
import { useFieldValue, useLocale, type FieldProps } from 'react-admin';
import { formatPermille } from './formatters';

/** A ratio stored in permille (987) shown as a percentage (98.7%). */
export const PermilleField = (props: FieldProps) => {
    const value = useFieldValue(props);
    const locale = useLocale();
    if (typeof value !== 'number') return null;
    return (
        <Typography component="span" variant="body2">
            {formatPermille(value, locale)}
        </Typography>
    );
};
