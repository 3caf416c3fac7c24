import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
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

const polyglot = polyglotI18nProvider(
    (locale) => (locale === 'ru' ? import('./ru').then((module) => module.ru) : en),
    'en',
    LOCALES
);

let requested = polyglot.getLocale();
let switching: Promise<void> = Promise.resolve();

/**
 * English ships with the first screen; the Russian catalogue loads when it is first chosen (the
 * staff member's saved language, the sign-in page of a Russian browser, the language menu).
 * Switches run one after another and only the last one asked for takes effect, so a quick
 * Russian-then-English can never end in Russian when the Russian catalogue arrives last; and
 * getLocale() answers the language asked for, so react-admin never skips a switch back.
 */
export const i18nProvider: I18nProvider = {
    ...polyglot,
    getLocale: () => requested,
    changeLocale: (locale: string) => {
        requested = locale;
        switching = switching
            .catch(() => undefined)
            .then(() => (requested === locale ? polyglot.changeLocale(locale) : undefined));
        return switching;
    },
};
