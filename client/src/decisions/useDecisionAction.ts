import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { DisputeDeskDataProvider } from '../dataProvider';
import type { Decision } from '../types';

/**
 * Runs a supervisor's answer to a ruling (approve, reject, overturn): says so on success and
 * reloads the page; a refusal stays in the dialog (`errorOf`) and the page reloads under it, since a
 * 409 means someone else answered first.
 */
export function useDecisionAction(notification: string, onSuccess: () => void) {
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    return useMutation<Decision, Error, (dataProvider: DisputeDeskDataProvider) => Promise<Decision>>({
        mutationFn: (call) => call(dataProvider),
        onSuccess: (decision) => {
            notify(notification, { type: 'success', messageArgs: { id: decision.id } });
            refresh();
            onSuccess();
        },
        onError: () => refresh(),
    });
}
