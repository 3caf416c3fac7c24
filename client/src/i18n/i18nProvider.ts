import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { Locale } from '../../../shared/schemas/preferences';
import { en } from './en';
import { ru } from './ru';

const catalogues: Record<Locale, typeof en> = { en, ru };

export const LOCALES = [
    { locale: 'en', name: 'English' },
    { locale: 'ru', name: 'Русский' },
];

/** Russian for a browser set to Russian, English otherwise: the language of the sign-in page. */
export function browserLocale(language: string | undefined = navigator.language): Locale {
    return /^ru\b/i.test(language ?? '') ? 'ru' : 'en';
}

export const i18nProvider = polyglotI18nProvider(
    (locale) => catalogues[locale as Locale] ?? en,
    browserLocale(),
    LOCALES
);
