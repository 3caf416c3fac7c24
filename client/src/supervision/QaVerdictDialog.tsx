import { useState } from 'react';
import {
    Alert,
    Dialog,
    DialogContent,
    DialogTitle,
    FormControlLabel,
    Radio,
    RadioGroup,
    Stack,
    TextField,
    Typography,
} from '@mui/material';
import { ConfirmDialogActions } from '../common/ConfirmDialogActions';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import {
    QA_COMMENT_MAX_LENGTH,
    QA_VERDICTS,
    type QaReviewRecord,
    type QaVerdict,
    type QaVerdictInput,
} from '../../../shared/schemas/qa';
import { errorOf } from '../disputes/evidence/useEvidenceAction';

/** Agree or disagree with a sampled decision; a disagreement says why. */
export const QaVerdictDialog = ({
    review,
    isPending,
    error,
    onConfirm,
    onClose,
}: {
    review: QaReviewRecord;
    isPending: boolean;
    error: Error | null;
    onConfirm: (input: QaVerdictInput) => void;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const createPath = useCreatePath();
    const [verdict, setVerdict] = useState<QaVerdict | null>(null);
    const [comment, setComment] = useState('');
    const refused = errorOf(error);
    const needsComment = verdict === 'disagree' && !comment.trim();
    return (
        <Dialog
            open
            onClose={isPending ? undefined : onClose}
            fullWidth
            maxWidth="sm"
            aria-labelledby="qa-verdict-title"
            data-testid="qa-verdict-dialog"
        >
            <DialogTitle id="qa-verdict-title">
                {translate('supervision.qa.verdict.title', { id: review.decisionId })}
            </DialogTitle>
            <DialogContent>
                <Stack spacing={2}>
                    <Typography variant="body2">
                        {translate('supervision.qa.verdict.summary', {
                            mediator: review.mediatorName ?? '—',
                            percent: review.refundPercent ?? '—',
                        })}{' '}
                        <Link to={createPath({ resource: 'decisions', id: review.decisionId, type: 'show' })}>
                            {translate('supervision.qa.verdict.open_decision')}
                        </Link>
                        {review.disputeId !== null && (
                            <>
                                {' · '}
                                <Link
                                    to={createPath({
                                        resource: 'disputes',
                                        id: review.disputeId,
                                        type: 'show',
                                    })}
                                >
                                    {translate('supervision.qa.verdict.open_dispute', {
                                        id: review.disputeId,
                                    })}
                                </Link>
                            </>
                        )}
                    </Typography>
                    <RadioGroup
                        row
                        value={verdict ?? ''}
                        onChange={(event) => setVerdict(event.target.value as QaVerdict)}
                    >
                        {QA_VERDICTS.map((value) => (
                            <FormControlLabel
                                key={value}
                                value={value}
                                control={
                                    <Radio
                                        slotProps={{
                                            input: { 'data-testid': `qa-verdict-${value}` } as object,
                                        }}
                                    />
                                }
                                label={translate(`supervision.qa.verdicts.${value}`)}
                            />
                        ))}
                    </RadioGroup>
                    <TextField
                        label={translate('supervision.qa.verdict.comment')}
                        value={comment}
                        onChange={(event) => setComment(event.target.value)}
                        multiline
                        minRows={2}
                        required={verdict === 'disagree'}
                        error={!!refused?.fields.comment}
                        helperText={
                            refused?.fields.comment ?? translate('supervision.qa.verdict.comment_help')
                        }
                        slotProps={{
                            htmlInput: {
                                maxLength: QA_COMMENT_MAX_LENGTH,
                                'data-testid': 'qa-verdict-comment',
                            },
                        }}
                    />
                    {refused && !refused.fields.comment && <Alert severity="error">{refused.message}</Alert>}
                </Stack>
            </DialogContent>
            <ConfirmDialogActions
                onCancel={onClose}
                onConfirm={() =>
                    verdict && onConfirm({ verdict, ...(comment.trim() ? { comment: comment.trim() } : {}) })
                }
                pending={isPending}
                disabled={!verdict || needsComment}
                testId="qa-verdict-confirm"
            >
                {translate('supervision.qa.verdict.record')}
            </ConfirmDialogActions>
        </Dialog>
    );
};
