import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { DisputeDeskDataProvider } from '../dataProvider';
import type { Dispute } from '../types';
import { useCacheDispute } from './useCacheDispute';

type WorkflowCall = (dataProvider: DisputeDeskDataProvider) => Promise<Dispute>;

/**
 * Runs a workflow call on a dispute. On success it says so (`notification`, with the dispute's id
 * and holder as arguments); either way it reloads the record, the lists and the timeline, since a
 * refusal (409) usually means someone else changed the dispute meanwhile.
 */
export function useDisputeAction(notification: string, onSuccess?: (dispute: Dispute) => void) {
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    const notify = useNotify();
    const refresh = useRefresh();
    const cacheDispute = useCacheDispute();
    return useMutation<Dispute, Error, WorkflowCall>({
        mutationFn: (call) => call(dataProvider),
        onSuccess: (dispute) => {
            cacheDispute(dispute);
            notify(notification, {
                type: 'success',
                messageArgs: { id: dispute.id, name: dispute.assigneeName ?? '' },
            });
            refresh();
            onSuccess?.(dispute);
        },
        onError: (error) => {
            notify(error.message, { type: 'error' });
            refresh();
        },
    });
}
