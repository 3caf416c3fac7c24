import { minorUnitExponent } from '../../../shared/money';

/** "12.5" in USD → 1250 minor units, by string arithmetic; null when the text is not an amount. */
export function parseMajorAmount(text: string, currency: string): number | null {
    const match = /^\s*(\d{1,12})(?:[.,](\d*))?\s*$/.exec(text);
    if (!match) return null;
    const exponent = minorUnitExponent(currency);
    const fraction = match[2] ?? '';
    if (fraction.length > exponent) return null;
    return Number(match[1] + fraction.padEnd(exponent, '0'));
}

/** 1250 minor units of USD → "12.50" (plain, for an input; displays use formatMoney). */
export function minorToMajorText(minor: number, currency: string): string {
    const exponent = minorUnitExponent(currency);
    if (exponent === 0) return String(minor);
    const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
    const sign = minor < 0 ? '-' : '';
    return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
