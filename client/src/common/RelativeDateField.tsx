import { Typography } from '@mui/material';
import { useFieldValue, useLocale, type FieldProps } from 'react-admin';
import { ExactTimeTooltip } from './ExactTimeTooltip';
import { formatRelative } from './relativeTime';
import { useNow } from './useNow';

export interface RelativeDateFieldProps extends FieldProps {
    /** Compact units ("3 days ago" → "3 days ago", "in 5 hours" → "in 5 hr.") for dense tables. */
    short?: boolean;
}

/** "3 days ago", with the exact UTC and local date-time on hover. */
export const RelativeDateField = ({ short, emptyText = '—', ...props }: RelativeDateFieldProps) => {
    const value = useFieldValue(props);
    const locale = useLocale();
    const now = useNow();
    if (!value) {
        return (
            <Typography component="span" variant="body2" color="text.secondary">
                {emptyText}
            </Typography>
        );
    }
    const date = new Date(value);
    return (
        <ExactTimeTooltip date={date}>
            <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                <time dateTime={date.toISOString()}>
                    {formatRelative(date, now, locale, short ? 'short' : 'long')}
                </time>
            </Typography>
        </ExactTimeTooltip>
    );
};
