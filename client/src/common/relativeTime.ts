import {
    browserTimeZone,
    dateTimeFormat,
    numberFormat,
    relativeTimeFormat,
} from '../../../shared/intlFormats';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The unit to speak in, by how far away the instant is: [unit, seconds per unit, used below]. */
const SCALE: [Intl.RelativeTimeFormatUnit, number, number][] = [
    ['minute', MINUTE, 45 * MINUTE],
    ['hour', HOUR, 22 * HOUR],
    ['day', DAY, 45 * DAY],
    ['month', 30 * DAY, 320 * DAY],
    ['year', 365 * DAY, Infinity],
];

/** "3 days ago", "in 5 hr.": the unit that fits, as people say it. */
export function formatRelative(
    date: Date,
    now: Date,
    locale: string,
    style: Intl.RelativeTimeFormatStyle = 'long'
): string {
    const seconds = (date.getTime() - now.getTime()) / 1000;
    const format = relativeTimeFormat(locale, { numeric: 'auto', style });
    if (Math.abs(seconds) < 45) return format.format(0, 'second');
    const [unit, size] = SCALE.find(([, , below]) => Math.abs(seconds) < below)!;
    return format.format(Math.round(seconds / size), unit);
}

/** A duration such as "2 days 5 hr." for countdowns (the sign is ignored). */
export function formatDuration(ms: number, locale: string): string {
    const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
    const days = Math.floor(totalMinutes / (24 * 60));
    const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
    const minutes = totalMinutes % 60;
    const unit = (value: number, name: string) =>
        numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
    if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
    if (hours > 0)
        return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
    return unit(minutes, 'minute');
}

/** The exact instant, in UTC and in the browser's time zone. */
export function formatExact(date: Date, locale: string): { utc: string; local: string; zone: string } {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
    return {
        utc: dateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date),
        local: dateTimeFormat(locale, options).format(date),
        zone: browserTimeZone(),
    };
}
