import { TopToolbar, useRecordContext } from 'react-admin';
import type { Dispute } from '../types';
import { AssignButton } from './AssignButton';
import { PickUpButton } from './PickUpButton';
import { ReleaseButton } from './ReleaseButton';
import { RuleButton } from './ruling/RuleButton';
import { useMayRule } from './ruling/useRulingPermissions';
import { useDisputePermissions } from './useDisputePermissions';

/** Who holds the case: the hand-over actions the role and the dispute's state allow (none: no bar). */
export const DisputeWorkflowActions = () => {
    const record = useRecordContext<Dispute>();
    const { pickUp, release, assign } = useDisputePermissions(record);
    const rule = useMayRule(record);
    if (!pickUp && !release && !assign && !rule) return null;
    return (
        <TopToolbar sx={{ gap: 1, alignItems: 'center' }} data-testid="dispute-actions">
            <PickUpButton />
            <ReleaseButton />
            <AssignButton />
            <RuleButton />
        </TopToolbar>
    );
};
