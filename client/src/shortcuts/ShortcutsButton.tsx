import { useState } from 'react';
import { IconButton, Tooltip } from '@mui/material';
import KeyboardOutlinedIcon from '@mui/icons-material/KeyboardOutlined';
import { useTranslate } from 'react-admin';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useShortcut } from './useShortcut';

/** The app bar's "Keyboard shortcuts (?)": opens the list of this screen's shortcuts; so does `?`. */
export const ShortcutsButton = () => {
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
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
            <ShortcutsDialog open={open} onClose={() => setOpen(false)} />
        </>
    );
};
