import { Tooltip, Typography } from '@mui/material';
import { useFieldValue, useLocale, type FieldProps } from 'react-admin';
import { countryName } from './formatters';

/** An ISO 3166 country code with its name (the name alone, or on hover when `compact`). */
export const CountryField = ({ compact, ...props }: FieldProps & { compact?: boolean }) => {
    const code = useFieldValue(props) as string | null | undefined;
    const locale = useLocale();
    if (!code) return null;
    const name = countryName(code, locale);
    if (!compact) {
        return (
            <Typography component="span" variant="body2">
                {name} ({code})
            </Typography>
        );
    }
    return (
        <Tooltip title={name} arrow>
            <Typography component="span" variant="caption" color="text.secondary" sx={{ letterSpacing: 0.5 }}>
                {code}
            </Typography>
        </Tooltip>
    );
};
