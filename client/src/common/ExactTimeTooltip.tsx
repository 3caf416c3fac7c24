import type { ReactElement } from 'react';
import { Tooltip } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { formatExact } from './relativeTime';

/** Wraps a relative time in a tooltip that tells the exact instant, in UTC and local time. */
export const ExactTimeTooltip = ({ date, children }: { date: Date; children: ReactElement }) => {
    const locale = useLocale();
    const translate = useTranslate();
    const exact = formatExact(date, locale);
    return (
        <Tooltip
            title={
                <>
                    {exact.utc} {translate('app.date.utc')}
                    <br />
                    {exact.local} ({translate('app.date.local')}, {exact.zone})
                </>
            }
            enterDelay={300}
            arrow
        >
            {children}
        </Tooltip>
    );
};
