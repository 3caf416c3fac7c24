import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { DisputeDeskDataProvider } from '../../dataProvider';
import type { Guidance } from '../../../../shared/precedents';

/** The guidance beside the ruling form (read once per opening; precedents change slowly). */
export function useGuidance(disputeId: number) {
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    return useQuery<Guidance>({
        queryKey: ['disputes', 'guidance', disputeId],
        queryFn: () => dataProvider.getGuidance(disputeId),
        staleTime: 60_000,
    });
}
