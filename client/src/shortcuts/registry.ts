/**
 * The one-key shortcuts mounted right now: one keydown listener for the whole app dispatches each
 * key to the first action registered for it, and the help dialog lists what is registered.
 */

/** Where a shortcut belongs in the help dialog. */
export type ShortcutGroup = 'global' | 'list' | 'case';

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['list', 'case', 'global'];

/** The order of the keys in the help dialog (by task, not by when they were mounted). */
export const KEY_ORDER = ['j', 'k', 'enter', 'p', 'n', 'e', 'm', 'r', 'a', 'x', '?'];

export interface ShortcutHelp {
    /** i18n key of what the key does. */
    label: string;
    group: ShortcutGroup;
}

export interface Shortcut {
    id: number;
    /** `event.key` lower-cased: a letter, `?`, `enter`. */
    key: string;
    help?: ShortcutHelp;
    run: () => void;
}

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="combobox"]';
/** Enter on one of these is the element's own action, not a shortcut. */
const INTERACTIVE =
    'button, a[href], [role="button"], [role="link"], [role="menuitem"], [role="tab"], [role="option"]';
/** A dialog or an open menu has the user's attention. */
const MODAL = '[role="dialog"], [role="alertdialog"], [aria-modal="true"], .MuiPopover-root';

let shortcuts: readonly Shortcut[] = [];
let nextId = 1;
const subscribers = new Set<() => void>();

function changed() {
    subscribers.forEach((notify) => notify());
}

/** Whether a key press should be left to the page: typing, a dialog, a modifier. */
export function isIgnored(event: KeyboardEvent, key: string): boolean {
    if (event.defaultPrevented || event.repeat) return true;
    if (event.altKey || event.ctrlKey || event.metaKey) return true;
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest(TYPING) || (target as HTMLElement | null)?.isContentEditable) return true;
    if (key === 'enter' && target?.closest(INTERACTIVE)) return true;
    return document.querySelector(MODAL) !== null;
}

/** The shortcut key of a key press; a letter by its place, so that J is J on a Russian layout too. */
function keyOf(event: KeyboardEvent): string {
    const letter = /^Key([A-Z])$/.exec(event.code);
    return letter && !event.shiftKey ? letter[1].toLowerCase() : event.key.toLowerCase();
}

function onKeyDown(event: KeyboardEvent) {
    const key = keyOf(event);
    const shortcut = shortcuts.find((candidate) => candidate.key === key);
    if (!shortcut || isIgnored(event, key)) return;
    event.preventDefault();
    shortcut.run();
}

/** Adds a shortcut; returns its removal. */
export function registerShortcut(shortcut: Omit<Shortcut, 'id'>): () => void {
    const entry = { ...shortcut, id: nextId++ };
    if (shortcuts.length === 0) window.addEventListener('keydown', onKeyDown);
    shortcuts = [...shortcuts, entry];
    changed();
    return () => {
        shortcuts = shortcuts.filter((candidate) => candidate !== entry);
        if (shortcuts.length === 0) window.removeEventListener('keydown', onKeyDown);
        changed();
    };
}

export function subscribeShortcuts(notify: () => void): () => void {
    subscribers.add(notify);
    return () => subscribers.delete(notify);
}

export const currentShortcuts = (): readonly Shortcut[] => shortcuts;
