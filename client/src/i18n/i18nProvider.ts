import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { Locale } from '../../../shared/schemas/preferences';
import { en } from './en';

export const LOCALES = [
    { locale: 'en', name: 'English' },
    { locale: 'ru', name: 'Русский' },
];

/** Russian for a browser set to Russian, English otherwise: the language of the sign-in page. */
export function browserLocale(language: string | undefined = navigator.language): Locale {
    return /^ru\b/i.test(language ?? '') ? 'ru' : 'en';
}

/**
 * English ships with the first screen; the Russian catalogue loads when it is first chosen (the
 * staff member's saved language, the sign-in page of a Russian browser, the language menu).
 */
export const i18nProvider = polyglotI18nProvider(
    (locale) => (locale === 'ru' ? import('./ru').then((module) => module.ru) : en),
    'en',
    LOCALES
);
