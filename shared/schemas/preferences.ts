import { z } from 'zod';

/** The languages of the console: a staff member's choice, remembered on the server. */
export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** PATCH /api/auth/me/preferences. */
export const preferencesSchema = z.strictObject({
    locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;
