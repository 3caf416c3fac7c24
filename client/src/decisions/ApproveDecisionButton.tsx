import { useState } from 'react';
import { Button } from '@mui/material';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutline';
import { useTranslate } from 'react-admin';
import { KeyHint } from '../shortcuts/KeyHint';
import { useShortcut } from '../shortcuts/useShortcut';
import type { Decision } from '../types';
import { DecisionCommentDialog } from './DecisionCommentDialog';
import { DecisionSummary } from './DecisionSummary';
import { useDecisionAction } from './useDecisionAction';

const T = 'resources.decisions.answer';

/** Approve a four-eyes ruling: confirmed first, since it issues the ruling and moves the money. */
export const ApproveDecisionButton = ({ decision }: { decision: Decision }) => {
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const { mutate, isPending, error, reset } = useDecisionAction(`${T}.approved`, () => setOpen(false));
    const start = () => {
        reset();
        setOpen(true);
    };
    useShortcut('a', start, true, 'shortcuts.actions.approve');
    return (
        <>
            <Button
                size="small"
                variant="contained"
                color="success"
                startIcon={<CheckCircleOutlineIcon />}
                onClick={start}
                data-testid="decision-approve"
                aria-keyshortcuts="A"
            >
                {translate(`${T}.approve`)}
                <KeyHint shortcut="a" />
            </Button>
            {open && (
                <DecisionCommentDialog
                    testId="approve-dialog"
                    title={translate(`${T}.approve_title`, { id: decision.id })}
                    explanation={translate(`${T}.approve_explanation`)}
                    summary={<DecisionSummary decision={decision} />}
                    commentLabel={translate(`${T}.comment_optional`)}
                    commentField="comment"
                    required={false}
                    confirmLabel={translate(`${T}.approve_confirm`)}
                    color="success"
                    isPending={isPending}
                    error={error}
                    onConfirm={(comment) =>
                        mutate((dataProvider) =>
                            dataProvider.approveDecision(decision.id, comment || undefined)
                        )
                    }
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
};
