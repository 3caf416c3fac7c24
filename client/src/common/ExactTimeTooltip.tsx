import type { ReactElement } from 'react';
import { Tooltip } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { formatExact } from './relativeTime';

/** The exact instant, in UTC and local time: formatted only when the tooltip opens. */
const ExactTime = ({ date }: { date: Date }) => {
    const locale = useLocale();
    const translate = useTranslate();
    const exact = formatExact(date, locale);
    return (
        <>
            {exact.utc} {translate('app.date.utc')}
            <br />
            {exact.local} ({translate('app.date.local')}, {exact.zone})
        </>
    );
};

/** Wraps a relative time in a tooltip that tells the exact instant, in UTC and local time. */
export const ExactTimeTooltip = ({ date, children }: { date: Date; children: ReactElement }) => {
    return (
        <Tooltip title={<ExactTime date={date} />} enterDelay={300} arrow>
            {children}
        </Tooltip>
    );
};
