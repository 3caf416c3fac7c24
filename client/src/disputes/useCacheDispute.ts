import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Dispute } from '../types';

/**
 * Puts a dispute a workflow call returned into react-admin's getOne cache, so that its page shows
 * the new state at once instead of the row the queue list had cached.
 */
export function useCacheDispute() {
    const queryClient = useQueryClient();
    return useCallback(
        (dispute: Dispute) =>
            queryClient.setQueryData(
                ['disputes', 'getOne', { id: String(dispute.id), meta: undefined }],
                dispute
            ),
        [queryClient]
    );
}
