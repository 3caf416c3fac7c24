import { useContext } from 'react';
import { Typography } from '@mui/material';
import {
    ListContext,
    ShowContext,
    useFieldValue,
    useLocale,
    useLocaleState,
    type FieldProps,
} from 'react-admin';
import { formatExactInZone } from './exactTime';
import { ExactTimeTooltip } from './ExactTimeTooltip';
import { formatRelative } from './relativeTime';
import { useNow } from './useNow';

export interface RelativeDateFieldProps extends FieldProps {
    /** Compact units ("3 days ago" → "3 days ago", "in 5 hours" → "in 5 hr.") for dense tables. */
    short?: boolean;
    /** Shows the exact date and time beside; by default on detail pages (a show page, outside its tables). */
    exact?: boolean;
}

/**
 * "3 days ago", with the exact UTC and local date-time on hover; on detail pages also the exact
 * date and time in the staff member's time zone beside it.
 */
export const RelativeDateField = ({ short, exact, emptyText = '—', ...props }: RelativeDateFieldProps) => {
    const value = useFieldValue(props);
    const locale = useLocale();
    const [chosenLocale] = useLocaleState();
    const show = useContext(ShowContext);
    const list = useContext(ListContext);
    const onDetailPage = show !== null && list === null;
    const showExact = exact ?? (onDetailPage && !short);
    const now = useNow();
    if (!value) {
        return (
            <Typography component="span" variant="body2" color="text.secondary">
                {emptyText}
            </Typography>
        );
    }
    const date = new Date(value);
    const relative = (
        <ExactTimeTooltip date={date}>
            <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                <time dateTime={date.toISOString()}>
                    {formatRelative(date, now, locale, short ? 'short' : 'long')}
                </time>
            </Typography>
        </ExactTimeTooltip>
    );
    if (!showExact) return relative;
    return (
        <span>
            {relative}
            <Typography
                component="span"
                variant="body2"
                color="text.secondary"
                sx={{ ml: 1, whiteSpace: 'nowrap' }}
                data-testid="exact-time"
            >
                {formatExactInZone(date, chosenLocale)}
            </Typography>
        </span>
    );
};
