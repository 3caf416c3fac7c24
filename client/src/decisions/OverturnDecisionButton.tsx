import { useState } from 'react';
import { Button } from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import { useTranslate } from 'react-admin';
import type { Decision } from '../types';
import { DecisionCommentDialog } from './DecisionCommentDialog';
import { DecisionSummary } from './DecisionSummary';
import { useDecisionAction } from './useDecisionAction';

const T = 'resources.decisions.answer';

/** Overturn an issued ruling with a reason: the dispute goes back to review; both parties are told. */
export const OverturnDecisionButton = ({ decision }: { decision: Decision }) => {
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const { mutate, isPending, error, reset } = useDecisionAction(`${T}.overturned`, () => setOpen(false));
    return (
        <>
            <Button
                size="small"
                variant="outlined"
                color="warning"
                startIcon={<ReplayIcon />}
                onClick={() => {
                    reset();
                    setOpen(true);
                }}
                data-testid="decision-overturn"
            >
                {translate(`${T}.overturn`)}
            </Button>
            {open && (
                <DecisionCommentDialog
                    testId="overturn-dialog"
                    title={translate(`${T}.overturn_title`, { id: decision.id })}
                    explanation={translate(`${T}.overturn_explanation`)}
                    summary={<DecisionSummary decision={decision} />}
                    commentLabel={translate(`${T}.reason`)}
                    commentField="reason"
                    required
                    confirmLabel={translate(`${T}.overturn_confirm`)}
                    color="warning"
                    isPending={isPending}
                    error={error}
                    onConfirm={(reason) =>
                        mutate((dataProvider) => dataProvider.overturnDecision(decision.id, reason))
                    }
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
};
