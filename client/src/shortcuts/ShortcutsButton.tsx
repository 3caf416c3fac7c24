import { lazy, Suspense, useState } from 'react';
import { IconButton, Tooltip } from '@mui/material';
import KeyboardOutlinedIcon from '@mui/icons-material/KeyboardOutlined';
import { useTranslate } from 'react-admin';
import { useShortcut } from './useShortcut';

/** The list of shortcuts loads when it is first asked for: it is not part of the first screen. */
const ShortcutsDialog = lazy(() =>
    import('./ShortcutsDialog').then((module) => ({ default: module.ShortcutsDialog }))
);

/** The app bar's "Keyboard shortcuts (?)": opens the list of this screen's shortcuts; so does `?`. */
export const ShortcutsButton = () => {
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const [asked, setAsked] = useState(false);
    if (open && !asked) setAsked(true);
    useShortcut('?', () => setOpen(true), true, 'shortcuts.actions.help', 'global');
    const label = translate('shortcuts.button');
    return (
        <>
            <Tooltip title={label}>
                <IconButton
                    color="inherit"
                    aria-label={label}
                    aria-keyshortcuts="Shift+?"
                    onClick={() => setOpen(true)}
                    data-testid="shortcuts-button"
                >
                    <KeyboardOutlinedIcon />
                </IconButton>
            </Tooltip>
            {asked && (
                <Suspense fallback={null}>
                    <ShortcutsDialog open={open} onClose={() => setOpen(false)} />
                </Suspense>
            )}
        </>
    );
};
