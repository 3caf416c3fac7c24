import { lazy, type ComponentType } from 'react';

/**
 * A resource view loaded on first use: its module (and what only it imports) becomes its own chunk,
 * outside the first screen. React-admin's layout shows its loading bar while the chunk arrives.
 */
export function lazyView<M extends Record<string, unknown>>(
    load: () => Promise<M>,
    name: keyof M
): ComponentType {
    return lazy(() => load().then((module) => ({ default: module[name] as ComponentType })));
}
