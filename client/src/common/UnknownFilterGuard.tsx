import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { HttpError, useLocation, useNavigate, useNotify, useStoreContext } from 'react-admin';

type Filter = Record<string, unknown>;

/** The filter names a 400 of a list refused as unknown (`errors: { bogus: 'allowed: …' }`). */
const unknownFilters = (error: unknown, filter: Filter): string[] => {
    if (!(error instanceof HttpError) || error.status !== 400) return [];
    if (!/^Unknown (queue )?filter/.test(error.message)) return [];
    const errors = (error.body as { errors?: Record<string, string> } | undefined)?.errors ?? {};
    return Object.keys(errors).filter((name) => name in filter);
};

const without = (filter: Filter, names: string[]) =>
    Object.fromEntries(Object.entries(filter).filter(([name]) => !names.includes(name)));

/** The stored list parameters (react-admin's `<storeKey>.listParams`) that hold one of these filters. */
const storedListParams = (names: string[]): string[] => {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i) ?? '';
        const match = /^RaStore\.(.+\.listParams)$/.exec(key);
        if (match && names.some((name) => localStorage.getItem(key)?.includes(`"${name}"`)))
            keys.push(match[1]);
    }
    return keys;
};

/**
 * Drops a filter the server does not know (a hand-edited or outdated link, e.g.
 * `#/disputes?filter={"bogus":1}`) from the address and from the stored list parameters, with a
 * notice, instead of letting it break every later visit of the list.
 */
export const UnknownFilterGuard = () => {
    const queryClient = useQueryClient();
    const notify = useNotify();
    const navigate = useNavigate();
    const location = useLocation();
    const store = useStoreContext();

    useEffect(
        () =>
            queryClient.getQueryCache().subscribe((event) => {
                if (event.type !== 'updated' || event.action.type !== 'error') return;
                const [, method, params] = event.query.queryKey as [string, string, { filter?: Filter }];
                if (method !== 'getList' || !params?.filter) return;
                const names = unknownFilters(event.action.error, params.filter);
                if (names.length === 0) return;
                for (const key of storedListParams(names)) {
                    const stored = store.getItem<{ filter?: Filter }>(key);
                    if (stored?.filter)
                        store.setItem(key, { ...stored, filter: without(stored.filter, names) });
                }
                const search = new URLSearchParams(location.search);
                const inAddress = search.get('filter');
                if (inAddress) {
                    try {
                        search.set('filter', JSON.stringify(without(JSON.parse(inAddress) as Filter, names)));
                        navigate({ pathname: location.pathname, search: `?${search}` }, { replace: true });
                    } catch {
                        // Not JSON: react-admin ignores it already.
                    }
                }
                for (const name of names) {
                    notify('usability.filters.unknown_removed', { type: 'warning', messageArgs: { name } });
                }
            }),
        [queryClient, notify, navigate, location, store]
    );
    return null;
};
