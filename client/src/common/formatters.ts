import { numberFormat } from '../../../shared/intlFormats';

/** Locale-aware formatting of plain numbers (never money: see MoneyField). */
export function countryName(code: string, locale: string): string {
    try {
        return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
    } catch {
        return code;
    }
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** 1536 → "1.5 kB". */
export function formatBytes(bytes: number, locale: string): string {
    let value = bytes;
    let index = 0;
    while (value >= 1024 && index < BYTE_UNITS.length - 1) {
        value /= 1024;
        index += 1;
    }
    return numberFormat(locale, {
        style: 'unit',
        unit: BYTE_UNITS[index],
        unitDisplay: 'short',
        maximumFractionDigits: index === 0 ? 0 : 1,
    }).format(value);
}

/** 987 ‰ → "98.7%". */
export function formatPermille(permille: number, locale: string): string {
    return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(permille / 1000);
}
