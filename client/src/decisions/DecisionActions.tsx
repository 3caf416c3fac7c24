import { Stack } from '@mui/material';
import { useDecisionPermissions } from '../disputes/ruling/useRulingPermissions';
import type { Decision, Dispute } from '../types';
import { ApproveDecisionButton } from './ApproveDecisionButton';
import { OverturnDecisionButton } from './OverturnDecisionButton';
import { RejectDecisionButton } from './RejectDecisionButton';

/** The answers a supervisor may give to this ruling now (none for their own, none for others). */
export const DecisionActions = ({
    decision,
    dispute,
}: {
    decision: Decision;
    dispute: Dispute | undefined;
}) => {
    const may = useDecisionPermissions(decision, dispute);
    if (!may.approve && !may.reject && !may.overturn) return null;
    return (
        <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ flexWrap: 'wrap' }}
            data-testid="decision-actions"
        >
            {may.approve && <ApproveDecisionButton decision={decision} />}
            {may.reject && <RejectDecisionButton decision={decision} />}
            {may.overturn && <OverturnDecisionButton decision={decision} />}
        </Stack>
    );
};
