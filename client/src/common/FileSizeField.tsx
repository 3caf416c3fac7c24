import { Typography } from '@mui/material';
import { useFieldValue, useLocale, type FieldProps } from 'react-admin';
import { formatBytes } from './formatters';

export const FileSizeField = (props: FieldProps) => {
    const size = useFieldValue(props);
    const locale = useLocale();
    if (typeof size !== 'number') return null;
    return (
        <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
            {formatBytes(size, locale)}
        </Typography>
    );
};
