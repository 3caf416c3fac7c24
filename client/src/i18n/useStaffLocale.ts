import { useEffect } from 'react';
import { useGetIdentity, useLocaleState } from 'react-admin';
import type { StaffIdentity } from '../authProvider';
import { browserLocale } from './i18nProvider';

/**
 * Puts the console in the signed-in staff member's language (remembered on the server) once their
 * identity is known: after sign-in and after a reload.
 */
export function useStaffLocale(): void {
    const { identity } = useGetIdentity();
    const [locale, setLocale] = useLocaleState();
    const staff = identity as StaffIdentity | undefined;
    const wanted = staff?.locale;
    useEffect(() => {
        if (wanted && wanted !== locale) setLocale(wanted);
        // Only when the identity (or its language) changes, not when the locale does: a switch
        // sets both, and must not be undone by an identity read before it.
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, [staff?.id, wanted]);
}

/** The sign-in page speaks the browser's language, whoever used this browser before. */
export function useBrowserLocale(): void {
    const [locale, setLocale] = useLocaleState();
    useEffect(() => {
        const wanted = browserLocale();
        if (wanted !== locale) setLocale(wanted);
        // eslint-disable-next-line react-hooks/exhaustive-deps
    }, []);
}
