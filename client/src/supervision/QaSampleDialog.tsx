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
import { DEFAULT_POLICY } from '../../../shared/policy';
import type { QaSampleInput } from '../../../shared/schemas/qa';
import { errorOf } from '../disputes/evidence/useEvidenceAction';
import { dayFromToday } from './supervisionApi';

/** Asks for the period and the size of a random QA sample. */
export const QaSampleDialog = ({
    isPending,
    error,
    onConfirm,
    onClose,
}: {
    isPending: boolean;
    error: Error | null;
    onConfirm: (input: QaSampleInput) => void;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const [from, setFrom] = useState(dayFromToday(-29));
    const [to, setTo] = useState(dayFromToday());
    const [size, setSize] = useState('10');
    const refused = errorOf(error);
    const count = Number(size);
    const invalid = !from || !to || from > to || !Number.isInteger(count) || count < 1;
    const date = (label: string, value: string, set: (value: string) => void, field: string) => (
        <TextField
            type="date"
            label={translate(label)}
            value={value}
            onChange={(event) => set(event.target.value)}
            error={!!refused?.fields[field]}
            helperText={refused?.fields[field]}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `qa-sample-${field}` } }}
        />
    );
    return (
        <Dialog
            open
            onClose={isPending ? undefined : onClose}
            fullWidth
            maxWidth="xs"
            aria-labelledby="qa-sample-title"
            data-testid="qa-sample-dialog"
        >
            <DialogTitle id="qa-sample-title">{translate('supervision.qa.sample.title')}</DialogTitle>
            <DialogContent>
                <Stack spacing={2} sx={{ pt: 1 }}>
                    <DialogContentText>{translate('supervision.qa.sample.explanation')}</DialogContentText>
                    {date('supervision.qa.sample.from', from, setFrom, 'from')}
                    {date('supervision.qa.sample.to', to, setTo, 'to')}
                    <TextField
                        type="number"
                        label={translate('supervision.qa.sample.size')}
                        value={size}
                        onChange={(event) => setSize(event.target.value)}
                        error={!!refused?.fields.size}
                        helperText={refused?.fields.size}
                        slotProps={{
                            htmlInput: {
                                min: 1,
                                max: DEFAULT_POLICY.qaSampleMaxSize,
                                'data-testid': 'qa-sample-size',
                            },
                        }}
                    />
                    {refused && !refused.fields.size && !refused.fields.from && !refused.fields.to && (
                        <Alert severity="error">{refused.message}</Alert>
                    )}
                </Stack>
            </DialogContent>
            <ConfirmDialogActions
                onCancel={onClose}
                onConfirm={() => onConfirm({ from, to, size: count })}
                pending={isPending}
                disabled={invalid}
                testId="qa-sample-confirm"
            >
                {translate('supervision.qa.sample.draw')}
            </ConfirmDialogActions>
        </Dialog>
    );
};
