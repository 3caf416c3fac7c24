import { useState } from 'react';
import VerifiedIcon from '@mui/icons-material/VerifiedUserOutlined';
import {
    Alert,
    CircularProgress,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Stack,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Button, useCanAccess, useDataProvider, useTranslate } from 'react-admin';
import type { DisputeDeskDataProvider } from '../dataProvider';
import type { AuditChainReport } from '../types';
import { VerifyChainResult } from './VerifyChainResult';

/** Walks the hash chain on the server (GET /api/audit-events/verify) and shows what it found. */
export const VerifyChainButton = () => {
    const translate = useTranslate();
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    const [open, setOpen] = useState(false);
    const { canAccess } = useCanAccess({ resource: 'audit-events', action: 'verify' });
    const verify = useMutation<AuditChainReport, Error>({
        mutationFn: () => dataProvider.verifyAuditChain(),
    });
    if (!canAccess) return null;

    const start = () => {
        setOpen(true);
        verify.mutate();
    };
    const close = () => {
        setOpen(false);
        verify.reset();
    };

    return (
        <>
            <Button label="resources.audit-events.verify.button" onClick={start} disabled={verify.isPending}>
                <VerifiedIcon />
            </Button>
            <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
                <DialogTitle>{translate('resources.audit-events.verify.title')}</DialogTitle>
                <DialogContent>
                    {verify.isPending && (
                        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', py: 1 }}>
                            <CircularProgress size={20} />
                            <span>{translate('resources.audit-events.verify.running')}</span>
                        </Stack>
                    )}
                    {verify.data && <VerifyChainResult report={verify.data} />}
                    {verify.error && <Alert severity="error">{verify.error.message}</Alert>}
                </DialogContent>
                <DialogActions>
                    <Button label="resources.audit-events.verify.close" onClick={close} />
                </DialogActions>
            </Dialog>
        </>
    );
};
