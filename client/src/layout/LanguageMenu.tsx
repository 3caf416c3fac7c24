import { useState, type MouseEvent } from 'react';
import CheckIcon from '@mui/icons-material/Check';
import TranslateIcon from '@mui/icons-material/Translate';
import { ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { useGetIdentity, useLocales, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { Locale } from '../../../shared/schemas/preferences';
import { saveLocale } from '../authProvider';

/** "Language": a submenu of the console's languages; the choice is remembered for this staff member. */
export const LanguageMenu = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const languages = useLocales();
    const [locale, setLocale] = useLocaleState();
    const { refetch } = useGetIdentity();
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const current = languages.find((language) => language.locale === locale);

    const choose = async (next: Locale) => {
        setAnchor(null);
        if (next === locale) return;
        setLocale(next);
        try {
            await saveLocale(next);
            await refetch();
        } catch (error) {
            notify('app.language.save_failed', {
                type: 'error',
                messageArgs: { message: (error as Error).message },
            });
        }
    };

    return (
        <>
            <MenuItem
                onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
                aria-haspopup="menu"
                aria-expanded={anchor ? 'true' : undefined}
                data-testid="language-menu"
            >
                <ListItemIcon>
                    <TranslateIcon fontSize="small" />
                </ListItemIcon>
                <ListItemText primary={translate('app.language.menu')} secondary={current?.name} />
            </MenuItem>
            <Menu
                anchorEl={anchor}
                open={!!anchor}
                onClose={() => setAnchor(null)}
                anchorOrigin={{ vertical: 'top', horizontal: 'left' }}
                transformOrigin={{ vertical: 'top', horizontal: 'right' }}
            >
                {languages.map((language) => (
                    <MenuItem
                        key={language.locale}
                        lang={language.locale}
                        selected={language.locale === locale}
                        onClick={() => void choose(language.locale as Locale)}
                        data-testid={`language-${language.locale}`}
                    >
                        <ListItemIcon>
                            {language.locale === locale && <CheckIcon fontSize="small" />}
                        </ListItemIcon>
                        <ListItemText>{language.name}</ListItemText>
                    </MenuItem>
                ))}
            </Menu>
        </>
    );
};
