import { useRecordContext } from 'react-admin';
import type { Dispute } from '../types';
import { DisputeChangedBanner } from './DisputeChangedBanner';
import { PresenceChips } from './PresenceChips';
import { useDisputeChanged } from './useDisputeChanged';
import { useDisputePresence } from './useDisputePresence';

/** On the case page: who else has it open, and a warning when someone else changed it. */
export const DisputeLiveBar = () => {
    const record = useRecordContext<Dispute>();
    const disputeId = record ? Number(record.id) : undefined;
    const viewers = useDisputePresence(disputeId);
    const { change, dismiss } = useDisputeChanged(disputeId);
    if (viewers.length === 0 && !change) return null;
    // No wrapper: the banner sticks to the top while the whole case page scrolls under it.
    return (
        <>
            {change && <DisputeChangedBanner change={change} onDone={dismiss} />}
            <PresenceChips viewers={viewers} />
        </>
    );
};
