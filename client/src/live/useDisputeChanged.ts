import { useEffect, useState } from 'react';
import { useGetIdentity } from 'react-admin';
import type { DisputeChangedEvent } from '../../../shared/live';
import { useLiveEvent } from './useLiveEvent';

/**
 * The latest change someone else made to the dispute on screen since it was loaded (or last
 * reloaded), or null; `dismiss` forgets it.
 */
export function useDisputeChanged(disputeId: number | undefined) {
    const { identity } = useGetIdentity();
    const [change, setChange] = useState<DisputeChangedEvent | null>(null);
    useEffect(() => setChange(null), [disputeId]);
    useLiveEvent((event) => {
        if (event.type !== 'dispute' || event.data.disputeId !== disputeId) return;
        if (identity && event.data.actorStaffId === identity.id) return;
        setChange(event.data);
    });
    return { change, dismiss: () => setChange(null) };
}
