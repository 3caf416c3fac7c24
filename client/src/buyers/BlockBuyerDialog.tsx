import { useState } from 'react';
import {
    Alert,
    Dialog,
    DialogContent,
    DialogContentText,
    DialogTitle,
    Stack,
    TextField,
} from '@mui/material';
import { ConfirmDialogActions } from '../common/ConfirmDialogActions';
import { useTranslate } from 'react-admin';
import { BLOCK_REASON_MAX_LENGTH } from '../../../shared/reputation';
import { errorOf } from '../disputes/evidence/useEvidenceAction';
import type { Buyer } from '../types';

/** Asks why a buyer is blocked (or unblocked), says what it does, and confirms. */
export const BlockBuyerDialog = ({
    buyer,
    isPending,
    error,
    onConfirm,
    onClose,
}: {
    buyer: Buyer;
    isPending: boolean;
    error: Error | null;
    onConfirm: (reason: string) => void;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const [reason, setReason] = useState('');
    const mode = buyer.blocked ? 'unblock' : 'block';
    const refused = errorOf(error);
    const missing = !reason.trim();
    const confirm = () => {
        if (!missing && !isPending) onConfirm(reason.trim());
    };
    return (
        <Dialog
            open
            onClose={isPending ? undefined : onClose}
            fullWidth
            maxWidth="sm"
            aria-labelledby="block-buyer-title"
            data-testid="block-buyer-dialog"
        >
            <DialogTitle id="block-buyer-title">
                {translate(`resources.buyers.block.${mode}_title`, { name: buyer.name })}
            </DialogTitle>
            <DialogContent>
                <Stack spacing={2}>
                    <DialogContentText>
                        {translate(`resources.buyers.block.${mode}_explanation`)}
                    </DialogContentText>
                    <TextField
                        label={translate('resources.buyers.block.reason')}
                        value={reason}
                        onChange={(event) => setReason(event.target.value)}
                        required
                        autoFocus
                        error={!!refused?.fields.reason}
                        helperText={refused?.fields.reason}
                        onKeyDown={(event) => {
                            if (event.key === 'Enter') confirm();
                        }}
                        slotProps={{
                            htmlInput: {
                                maxLength: BLOCK_REASON_MAX_LENGTH,
                                'data-testid': 'block-buyer-reason',
                            },
                        }}
                    />
                    {refused && !refused.fields.reason && <Alert severity="error">{refused.message}</Alert>}
                </Stack>
            </DialogContent>
            <ConfirmDialogActions
                onCancel={onClose}
                onConfirm={confirm}
                pending={isPending}
                disabled={missing}
                color={mode === 'block' ? 'error' : 'primary'}
                testId="block-buyer-confirm"
            >
                {translate(`resources.buyers.block.${mode}`)}
            </ConfirmDialogActions>
        </Dialog>
    );
};
