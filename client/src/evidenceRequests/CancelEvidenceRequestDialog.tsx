import { useState } from 'react';
import {
    Alert,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { errorOf, useEvidenceAction } from '../disputes/evidence/useEvidenceAction';
import type { EvidenceRequest } from '../types';

const T = 'resources.disputes.evidence_requests.cancel';

/** Confirms cancelling one open request, with the reason that goes on the timeline. */
export const CancelEvidenceRequestDialog = ({
    request,
    onClose,
}: {
    request: EvidenceRequest;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const [reason, setReason] = useState('');
    const { mutate, isPending, error } = useEvidenceAction<EvidenceRequest>(`${T}.done`, onClose);
    const refused = errorOf(error);
    const submit = () => {
        if (reason.trim())
            mutate((dataProvider) => dataProvider.cancelEvidenceRequest(request.id, reason.trim()));
    };
    return (
        <Dialog open onClose={isPending ? undefined : onClose} fullWidth maxWidth="xs">
            <DialogTitle>{translate(`${T}.title`, { id: request.id })}</DialogTitle>
            <DialogContent>
                <DialogContentText variant="body2" sx={{ mb: 2 }}>
                    {translate(`${T}.content`)}
                </DialogContentText>
                <TextField
                    fullWidth
                    size="small"
                    autoFocus
                    required
                    multiline
                    minRows={2}
                    label={translate(`${T}.reason`)}
                    value={reason}
                    onChange={(event) => setReason(event.target.value)}
                    error={!!refused?.fields.reason}
                    helperText={refused?.fields.reason}
                    slotProps={{ htmlInput: { 'data-testid': 'cancel-request-reason', maxLength: 1000 } }}
                />
                {refused && (
                    <Alert severity="error" sx={{ mt: 2 }}>
                        {refused.message}
                    </Alert>
                )}
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose} disabled={isPending}>
                    {translate(`${T}.keep`)}
                </Button>
                <Button
                    color="error"
                    variant="contained"
                    onClick={submit}
                    disabled={!reason.trim()}
                    loading={isPending}
                    data-testid="cancel-request-confirm"
                >
                    {translate(`${T}.confirm`)}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
