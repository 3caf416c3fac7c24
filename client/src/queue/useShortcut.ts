import { useEffect } from 'react';

const TYPING = 'input, textarea, select, [contenteditable="true"], [role="combobox"]';

/** A one-key shortcut (no modifier), ignored while the user types or a dialog is open. */
export function useShortcut(key: string, action: () => void, enabled = true) {
    useEffect(() => {
        if (!enabled) return;
        const onKeyDown = (event: KeyboardEvent) => {
            if (event.defaultPrevented || event.repeat) return;
            if (event.altKey || event.ctrlKey || event.metaKey) return;
            if (event.key.toLowerCase() !== key) return;
            const target = event.target as Element | null;
            if (target?.closest?.(TYPING)) return;
            // A dialog or an open menu has the user's attention.
            if (document.querySelector('[role="dialog"], .MuiPopover-root')) return;
            event.preventDefault();
            action();
        };
        window.addEventListener('keydown', onKeyDown);
        return () => window.removeEventListener('keydown', onKeyDown);
    }, [key, action, enabled]);
}
