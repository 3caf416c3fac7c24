import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { DisputeDeskDataProvider } from '../dataProvider';
import { queueFilterOf } from '../disputeWorkflow';

/** Queue size and counts per filter value for the given filter values (GET /api/queue/counts). */
export function useQueueCounts(values: Record<string, unknown> = {}) {
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    const filter = queueFilterOf(values);
    return useQuery({
        queryKey: ['queue', 'counts', filter],
        queryFn: () => dataProvider.getQueueCounts(filter),
        placeholderData: keepPreviousData,
    });
}
