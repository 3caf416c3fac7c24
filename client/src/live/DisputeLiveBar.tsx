import { Stack } from '@mui/material';
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
    return (
        <Stack spacing={1}>
            {change && <DisputeChangedBanner change={change} onDone={dismiss} />}
            <PresenceChips viewers={viewers} />
        </Stack>
    );
};
