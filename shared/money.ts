/** Money is an integer count of the currency's minor unit, always next to an ISO 4217 code. */

/** Minor-unit exponent per currency; anything unlisted has two decimals. */
const EXPONENTS: Record<string, number> = {
    JPY: 0,
    KRW: 0,
    VND: 0,
    CLP: 0,
    ISK: 0,
    BHD: 3,
    KWD: 3,
    JOD: 3,
    OMR: 3,
    TND: 3,
};

export const CURRENCIES = ['RUB', 'USD', 'EUR', 'JPY', 'GBP', 'CNY', 'KZT', 'BRL'] as const;

export const CURRENCY_CODE = /^[A-Z]{3}$/;

export function minorUnitExponent(currency: string): number {
    return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** 10^exponent: how many minor units make one major unit. */
export function minorUnitsPerMajor(currency: string): number {
    return 10 ** minorUnitExponent(currency);
}

/** Converts a whole number of major units (e.g. 500 USD) to minor units, exactly. */
export function majorToMinor(major: number, currency: string): number {
    if (!Number.isInteger(major)) throw new Error('majorToMinor takes whole major units');
    return major * minorUnitsPerMajor(currency);
}

/** Formats minor units for display without floating point arithmetic on the amount. */
export function formatMoney(minor: number, currency: string, locale = 'en-US'): string {
    const exponent = minorUnitExponent(currency);
    const negative = minor < 0;
    const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
    const whole = digits.slice(0, digits.length - exponent) || '0';
    const fraction = exponent > 0 ? digits.slice(digits.length - exponent) : '';
    const formatter = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: exponent,
        maximumFractionDigits: exponent,
    });
    // Intl formats a decimal string exactly (no float rounding) since ES2023.
    const text = formatter.format(
        `${negative ? '-' : ''}${whole}${fraction ? '.' + fraction : ''}` as unknown as number
    );
    return text;
}

/** Percentage of an amount in minor units, rounded down to a whole minor unit. */
export function percentOf(minor: number, percent: number): number {
    return Math.floor((minor * percent) / 100);
}
