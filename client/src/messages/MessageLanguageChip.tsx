import { Chip } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';

function languageName(code: string, locale: string): string {
    try {
        return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    } catch {
        return code;
    }
}

/** "RU", "EN": the language a message is written in (told by the server; nothing when unsure). */
export const MessageLanguageChip = ({ language }: { language: string | null | undefined }) => {
    const translate = useTranslate();
    const locale = useLocale();
    if (!language) return null;
    const name = translate('app.language.written_in', { language: languageName(language, locale) });
    return (
        <Chip
            size="small"
            variant="outlined"
            label={language.toUpperCase()}
            title={name}
            aria-label={name}
            data-testid="message-language"
            data-language={language}
            sx={{ height: 20, fontSize: '0.7rem', fontWeight: 600, letterSpacing: 0.5 }}
        />
    );
};
