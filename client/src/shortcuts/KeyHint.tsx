import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';

/** How a key is written: letters in capitals, Enter by name. */
export function useKeyLabel() {
    const translate = useTranslate();
    return (key: string) => (key === 'enter' ? translate('shortcuts.keys.enter') : key.toUpperCase());
}

/** The value of `aria-keyshortcuts` for a key. */
export const ariaKey = (key: string) => (key === 'enter' ? 'Enter' : key.toUpperCase());

/**
 * A key shown in a button's label (`<kbd>`), hidden from screen readers: the button says it through
 * `aria-keyshortcuts`. `selectedRowOnly`: shown only in the row that the keyboard selected.
 */
export const KeyHint = ({
    shortcut,
    selectedRowOnly = false,
}: {
    shortcut: string;
    selectedRowOnly?: boolean;
}) => {
    const keyLabel = useKeyLabel();
    return (
        <Box
            component="kbd"
            aria-hidden
            data-testid={`key-hint-${shortcut}`}
            sx={{
                ml: 1,
                px: 0.75,
                borderRadius: 0.5,
                border: 1,
                borderColor: 'currentColor',
                fontFamily: 'inherit',
                fontSize: 11,
                lineHeight: '16px',
                opacity: 0.8,
                ...(selectedRowOnly && { 'tr:not([aria-selected="true"]) &': { display: 'none' } }),
            }}
        >
            {keyLabel(shortcut)}
        </Box>
    );
};
