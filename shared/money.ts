/** Money is an integer count of the currency's minor unit, always next to an ISO 4217 code. */
import { numberFormat } from './intlFormats';

/**
 * ISO 4217 (list one): every circulating currency and the digits of its minor unit. Codes without a
 * minor unit (XXX "no currency", XTS "testing", precious metals, SDR) and the fund codes (BOV, CLF,
 * USN …) are left out on purpose: no order is priced in them, so they are refused as input.
 */
export const CURRENCY_MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
    AED: 2,
    AFN: 2,
    ALL: 2,
    AMD: 2,
    ANG: 2,
    AOA: 2,
    ARS: 2,
    AUD: 2,
    AWG: 2,
    AZN: 2,
    BAM: 2,
    BBD: 2,
    BDT: 2,
    BGN: 2,
    BHD: 3,
    BIF: 0,
    BMD: 2,
    BND: 2,
    BOB: 2,
    BRL: 2,
    BSD: 2,
    BTN: 2,
    BWP: 2,
    BYN: 2,
    BZD: 2,
    CAD: 2,
    CDF: 2,
    CHF: 2,
    CLP: 0,
    CNY: 2,
    COP: 2,
    CRC: 2,
    CUP: 2,
    CVE: 2,
    CZK: 2,
    DJF: 0,
    DKK: 2,
    DOP: 2,
    DZD: 2,
    EGP: 2,
    ERN: 2,
    ETB: 2,
    EUR: 2,
    FJD: 2,
    FKP: 2,
    GBP: 2,
    GEL: 2,
    GHS: 2,
    GIP: 2,
    GMD: 2,
    GNF: 0,
    GTQ: 2,
    GYD: 2,
    HKD: 2,
    HNL: 2,
    HTG: 2,
    HUF: 2,
    IDR: 2,
    ILS: 2,
    INR: 2,
    IQD: 3,
    IRR: 2,
    ISK: 0,
    JMD: 2,
    JOD: 3,
    JPY: 0,
    KES: 2,
    KGS: 2,
    KHR: 2,
    KMF: 0,
    KPW: 2,
    KRW: 0,
    KWD: 3,
    KYD: 2,
    KZT: 2,
    LAK: 2,
    LBP: 2,
    LKR: 2,
    LRD: 2,
    LSL: 2,
    LYD: 3,
    MAD: 2,
    MDL: 2,
    MGA: 2,
    MKD: 2,
    MMK: 2,
    MNT: 2,
    MOP: 2,
    MRU: 2,
    MUR: 2,
    MVR: 2,
    MWK: 2,
    MXN: 2,
    MYR: 2,
    MZN: 2,
    NAD: 2,
    NGN: 2,
    NIO: 2,
    NOK: 2,
    NPR: 2,
    NZD: 2,
    OMR: 3,
    PAB: 2,
    PEN: 2,
    PGK: 2,
    PHP: 2,
    PKR: 2,
    PLN: 2,
    PYG: 0,
    QAR: 2,
    RON: 2,
    RSD: 2,
    RUB: 2,
    RWF: 0,
    SAR: 2,
    SBD: 2,
    SCR: 2,
    SDG: 2,
    SEK: 2,
    SGD: 2,
    SHP: 2,
    SLE: 2,
    SOS: 2,
    SRD: 2,
    SSP: 2,
    STN: 2,
    SVC: 2,
    SYP: 2,
    SZL: 2,
    THB: 2,
    TJS: 2,
    TMT: 2,
    TND: 3,
    TOP: 2,
    TRY: 2,
    TTD: 2,
    TWD: 2,
    TZS: 2,
    UAH: 2,
    UGX: 0,
    USD: 2,
    UYU: 2,
    UZS: 2,
    VED: 2,
    VES: 2,
    VND: 0,
    VUV: 0,
    WST: 2,
    XAF: 0,
    XCD: 2,
    XCG: 2,
    XOF: 0,
    XPF: 0,
    YER: 2,
    ZAR: 2,
    ZMW: 2,
    ZWG: 2,
});

/** True for a code of CURRENCY_MINOR_UNITS (upper case, as ISO 4217 writes it). */
export function isCurrencyCode(code: string): boolean {
    return Object.prototype.hasOwnProperty.call(CURRENCY_MINOR_UNITS, code);
}

/** The currencies the console offers as filter choices (the marketplace's usual ones). */
export const CURRENCIES = ['RUB', 'USD', 'EUR', 'JPY', 'GBP', 'CNY', 'KZT', 'BRL'] as const;

/** The shape of a code; isCurrencyCode tells whether it is a real one. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Digits of the currency's minor unit (2 for a code that is not in the table, e.g. old data). */
export function minorUnitExponent(currency: string): number {
    const code = currency.toUpperCase();
    return isCurrencyCode(code) ? CURRENCY_MINOR_UNITS[code] : 2;
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
    const formatter = numberFormat(locale, {
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
