import { useRef, useState } from 'react';
import {
    Alert,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    FormControlLabel,
    Radio,
    RadioGroup,
    Stack,
    TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { errorOf, useEvidenceAction } from '../disputes/evidence/useEvidenceAction';
import { REVIEW_VERDICTS, type ReviewVerdict } from '../evidenceWorkflow';
import type { Attachment } from '../types';

const T = 'resources.disputes.evidence.review';

/**
 * The verdict on one piece of evidence and a note for staff. "Unreadable" offers to ask the party
 * again: the review is saved, then `onAskAgain` opens the evidence-request dialog.
 */
export const AttachmentReviewDialog = ({
    attachment,
    onClose,
    onAskAgain,
}: {
    attachment: Attachment;
    onClose: () => void;
    onAskAgain?: (attachment: Attachment) => void;
}) => {
    const translate = useTranslate();
    const current = REVIEW_VERDICTS.find((verdict) => verdict === attachment.reviewStatus);
    const [verdict, setVerdict] = useState<ReviewVerdict | undefined>(current);
    const [note, setNote] = useState(attachment.reviewNote ?? '');
    const askAgain = useRef(false);
    const { mutate, isPending, error } = useEvidenceAction<Attachment>(`${T}.saved`, () => {
        onClose();
        if (askAgain.current) onAskAgain?.(attachment);
    });
    const refused = errorOf(error);
    const mayAskAgain = verdict === 'unreadable' && !!onAskAgain && attachment.uploadedBy !== 'staff';
    const save = (thenAsk: boolean) => {
        if (!verdict) return;
        askAgain.current = thenAsk;
        mutate((dataProvider) => dataProvider.reviewAttachment(attachment.id, verdict, note.trim() || null));
    };
    return (
        <Dialog open onClose={isPending ? undefined : onClose} fullWidth maxWidth="xs">
            <DialogTitle sx={{ overflowWrap: 'anywhere' }}>
                {translate(`${T}.title`, { name: attachment.fileName })}
            </DialogTitle>
            <DialogContent>
                <Stack spacing={2}>
                    <RadioGroup
                        aria-label={translate(`${T}.status`)}
                        value={verdict ?? ''}
                        onChange={(event) => setVerdict(event.target.value as ReviewVerdict)}
                    >
                        {REVIEW_VERDICTS.map((value) => (
                            <FormControlLabel
                                key={value}
                                value={value}
                                control={<Radio size="small" autoFocus={value === (current ?? 'relevant')} />}
                                label={translate(`enums.reviewStatus.${value}`)}
                                data-testid={`review-${value}`}
                            />
                        ))}
                    </RadioGroup>
                    {mayAskAgain && <Alert severity="info">{translate(`${T}.unreadable_hint`)}</Alert>}
                    <TextField
                        size="small"
                        multiline
                        minRows={2}
                        label={translate(`${T}.note`)}
                        value={note}
                        onChange={(event) => setNote(event.target.value)}
                        error={!!refused?.fields.reviewNote}
                        helperText={refused?.fields.reviewNote ?? translate(`${T}.note_help`)}
                        slotProps={{ htmlInput: { 'data-testid': 'review-note', maxLength: 2000 } }}
                    />
                    {refused && <Alert severity="error">{refused.message}</Alert>}
                </Stack>
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose} disabled={isPending}>
                    {translate('ra.action.cancel')}
                </Button>
                {mayAskAgain && (
                    <Button onClick={() => save(true)} disabled={isPending} data-testid="review-ask-again">
                        {translate(`${T}.ask_again`)}
                    </Button>
                )}
                <Button
                    variant="contained"
                    onClick={() => save(false)}
                    disabled={!verdict}
                    loading={isPending}
                    data-testid="review-save"
                >
                    {translate(`${T}.save`)}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
