import { formatMoney, minorUnitsPerMajor } from '../../../shared/money';

/** "2026-11-05" → "Nov 5" (the days are UTC days). */
export function dayLabel(day: string, locale: string): string {
    return new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, {
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
    });
}

/** Minor units as the currency's major units, for an axis. */
export function major(minor: number, currency: string): number {
    return minor / minorUnitsPerMajor(currency);
}

/** A major-unit axis value as money again (tooltips). */
export function money(majorValue: number | null, currency: string, locale: string): string {
    return majorValue === null
        ? ''
        : formatMoney(Math.round(majorValue * minorUnitsPerMajor(currency)), currency, locale);
}
