import { useState } from 'react';
import { Button } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import { useTranslate } from 'react-admin';
import { KeyHint } from '../shortcuts/KeyHint';
import { useShortcut } from '../shortcuts/useShortcut';
import type { Decision } from '../types';
import { DecisionCommentDialog } from './DecisionCommentDialog';
import { DecisionSummary } from './DecisionSummary';
import { useDecisionAction } from './useDecisionAction';

const T = 'resources.decisions.answer';

/** Reject a four-eyes ruling with a comment: the dispute goes back to review, the mediator reads why. */
export const RejectDecisionButton = ({ decision }: { decision: Decision }) => {
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const { mutate, isPending, error, reset } = useDecisionAction(`${T}.rejected`, () => setOpen(false));
    const start = () => {
        reset();
        setOpen(true);
    };
    useShortcut('x', start, true, 'shortcuts.actions.reject');
    return (
        <>
            <Button
                size="small"
                variant="outlined"
                color="error"
                startIcon={<UndoIcon />}
                onClick={start}
                data-testid="decision-reject"
                aria-keyshortcuts="X"
            >
                {translate(`${T}.reject`)}
                <KeyHint shortcut="x" />
            </Button>
            {open && (
                <DecisionCommentDialog
                    testId="reject-dialog"
                    title={translate(`${T}.reject_title`, { id: decision.id })}
                    explanation={translate(`${T}.reject_explanation`)}
                    summary={<DecisionSummary decision={decision} />}
                    commentLabel={translate(`${T}.comment_required`)}
                    commentField="comment"
                    required
                    confirmLabel={translate(`${T}.reject_confirm`)}
                    color="error"
                    isPending={isPending}
                    error={error}
                    onConfirm={(comment) =>
                        mutate((dataProvider) => dataProvider.rejectDecision(decision.id, comment))
                    }
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
};
