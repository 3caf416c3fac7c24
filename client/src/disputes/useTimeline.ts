import { useQuery } from '@tanstack/react-query';
import { useDataProvider, type Identifier } from 'react-admin';
import type { DisputeDeskDataProvider } from '../dataProvider';

/** Everything that happened on a dispute, oldest first (GET /api/disputes/:id/timeline). */
export function useTimeline(disputeId: Identifier | undefined) {
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    return useQuery({
        queryKey: ['disputes', 'timeline', disputeId],
        queryFn: () => dataProvider.getTimeline(disputeId!),
        enabled: disputeId !== undefined,
    });
}
