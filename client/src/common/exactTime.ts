import { browserTimeZone, dateTimeFormat } from '../../../shared/intlFormats';

/** The staff member's own time zone (the browser's), e.g. "Europe/Berlin". */
export const staffTimeZone = (): string => browserTimeZone() || 'UTC';

/** "28 Nov 2026, 14:05 CET": the exact minute in the staff member's time zone, in their locale. */
export function formatExactInZone(date: Date, locale: string, timeZone = staffTimeZone()): string {
    return dateTimeFormat(locale, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
    }).format(date);
}
