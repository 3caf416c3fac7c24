import { badRequest } from '../http/HttpError';

/** The `tz` of an export: an IANA zone the runtime knows (default UTC); anything else is a 400 naming it. */
export function exportTimeZone(raw: unknown): string {
    if (raw === undefined) return 'UTC';
    if (typeof raw !== 'string' || raw.length > 64)
        throw badRequest('"tz" must be given once, as an IANA time zone');
    try {
        return new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
    } catch {
        throw badRequest(`Unknown time zone "${raw}"; use an IANA name such as Europe/Berlin`, {
            tz: 'an IANA time zone',
        });
    }
}

/** "2026-11-28 14:05:03 +01:00": the exact second in `timeZone`, with its offset. */
export function exactTimestamp(iso: string, timeZone: string): string {
    const date = new Date(iso);
    const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            timeZoneName: 'longOffset',
        })
            .formatToParts(date)
            .map((part) => [part.type, part.value])
    );
    const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}
