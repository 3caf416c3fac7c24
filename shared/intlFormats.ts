/**
 * Intl formatters, built once per locale and options: building one costs far more than using it
 * (a queue page of 25 rows asked for some 250), and they hold no state between calls.
 */
const built = new Map<string, unknown>();
/** Locales × options in use stay few; the bound only keeps a stray caller from growing it forever. */
const MAX_BUILT = 500;

function cached<T>(kind: string, locale: string, options: object, build: () => T): T {
    const key = `${kind}|${locale}|${JSON.stringify(options)}`;
    let formatter = built.get(key) as T | undefined;
    if (formatter === undefined) {
        formatter = build();
        if (built.size >= MAX_BUILT) built.clear();
        built.set(key, formatter);
    }
    return formatter;
}

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
    cached('number', locale, options, () => new Intl.NumberFormat(locale, options));

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}) =>
    cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const relativeTimeFormat = (locale: string, options: Intl.RelativeTimeFormatOptions = {}) =>
    cached('relative', locale, options, () => new Intl.RelativeTimeFormat(locale, options));

/** The browser's time zone, e.g. "Europe/Berlin" ('' when it cannot tell). */
export const browserTimeZone = (): string =>
    cached('zone', '', {}, () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? '');
