import { useState, type ReactNode } from 'react';
import {
    Alert,
    Dialog,
    DialogContent,
    DialogContentText,
    DialogTitle,
    Stack,
    TextField,
    type ButtonProps,
} from '@mui/material';
import { ConfirmDialogActions } from '../common/ConfirmDialogActions';
import { COMMENT_MAX_LENGTH } from '../../../shared/schemas/rulings';
import { errorOf } from '../disputes/evidence/useEvidenceAction';

/**
 * Confirms a supervisor's answer to a ruling: what it does, then a comment (required for a
 * rejection or an overturn); the server's refusal is shown on the comment or above it.
 */
export const DecisionCommentDialog = ({
    title,
    explanation,
    summary,
    commentLabel,
    commentField,
    required,
    confirmLabel,
    color,
    isPending,
    error,
    onConfirm,
    onClose,
    testId,
}: {
    title: string;
    explanation: string;
    summary?: ReactNode;
    commentLabel: string;
    /** The body field the server names in its errors (comment or reason). */
    commentField: string;
    required: boolean;
    confirmLabel: string;
    color: ButtonProps['color'];
    isPending: boolean;
    error: Error | null;
    onConfirm: (comment: string) => void;
    onClose: () => void;
    testId: string;
}) => {
    const [comment, setComment] = useState('');
    const refused = errorOf(error);
    const missing = required && !comment.trim();
    const confirm = () => {
        if (!missing && !isPending) onConfirm(comment.trim());
    };
    return (
        <Dialog
            open
            onClose={isPending ? undefined : onClose}
            fullWidth
            maxWidth="sm"
            aria-labelledby={`${testId}-title`}
            data-testid={testId}
        >
            <DialogTitle id={`${testId}-title`}>{title}</DialogTitle>
            <DialogContent>
                <Stack spacing={2}>
                    <DialogContentText>{explanation}</DialogContentText>
                    {summary}
                    <TextField
                        label={commentLabel}
                        value={comment}
                        onChange={(event) => setComment(event.target.value)}
                        multiline
                        minRows={2}
                        required={required}
                        autoFocus
                        error={!!refused?.fields[commentField]}
                        helperText={refused?.fields[commentField]}
                        onKeyDown={(event) => {
                            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) confirm();
                        }}
                        slotProps={{
                            htmlInput: { maxLength: COMMENT_MAX_LENGTH, 'data-testid': `${testId}-comment` },
                        }}
                    />
                    {refused && !refused.fields[commentField] && (
                        <Alert severity="error">{refused.message}</Alert>
                    )}
                </Stack>
            </DialogContent>
            <ConfirmDialogActions
                onCancel={onClose}
                onConfirm={confirm}
                pending={isPending}
                disabled={missing}
                color={color}
                testId={`${testId}-confirm`}
            >
                {confirmLabel}
            </ConfirmDialogActions>
        </Dialog>
    );
};
