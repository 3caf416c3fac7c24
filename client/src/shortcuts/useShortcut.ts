import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { currentShortcuts, registerShortcut, subscribeShortcuts, type ShortcutGroup } from './registry';

/**
 * A one-key shortcut (no modifier) while the component is mounted and `enabled`, ignored while the
 * user types or a dialog is open. With a `label` (i18n key) it is listed in the shortcuts dialog.
 */
export function useShortcut(
    key: string,
    action: () => void,
    enabled = true,
    label?: string,
    group: ShortcutGroup = 'case'
) {
    const latest = useRef(action);
    useLayoutEffect(() => {
        latest.current = action;
    });
    useEffect(() => {
        if (!enabled) return;
        return registerShortcut({
            key: key.toLowerCase(),
            help: label ? { label, group } : undefined,
            run: () => latest.current(),
        });
    }, [key, enabled, label, group]);
}

/** The shortcuts mounted now (for the help dialog). */
export const useShortcuts = () => useSyncExternalStore(subscribeShortcuts, currentShortcuts);
