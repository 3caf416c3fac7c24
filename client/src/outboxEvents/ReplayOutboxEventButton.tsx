import { useState, type MouseEvent } from 'react';
import {
    Box,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    IconButton,
    Tooltip,
} from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import { useMutation } from '@tanstack/react-query';
import {
    useCanAccess,
    useDataProvider,
    useNotify,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import type { DisputeDeskDataProvider } from '../dataProvider';
import type { OutboxEvent } from './outboxTypes';

const T = 'resources.outbox-events.replay';

/** Queue a dead-lettered event again (confirmed; audited by the server), same webhook-id. */
export const ReplayOutboxEventButton = ({ compact = false }: { compact?: boolean; label?: string }) => {
    const event = useRecordContext<OutboxEvent>();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    const [open, setOpen] = useState(false);
    const { canAccess } = useCanAccess({ resource: 'outbox-events', action: 'replay' });
    const { mutate, isPending } = useMutation({
        mutationFn: (id: number) => dataProvider.replayOutboxEvent(id),
        onSuccess: () => {
            notify(`${T}.done`, { type: 'success', messageArgs: { id: event?.id } });
            setOpen(false);
            refresh();
        },
        onError: (error: Error) => {
            notify(error.message, { type: 'error' });
            setOpen(false);
            refresh();
        },
    });
    if (!event || event.status !== 'dead' || !canAccess) return null;
    const label = translate(`${T}.action`);
    return (
        <Box component="span" onClick={(e: MouseEvent) => e.stopPropagation()}>
            {compact ? (
                <Tooltip title={label}>
                    <IconButton
                        size="small"
                        aria-label={label}
                        onClick={() => setOpen(true)}
                        data-testid="outbox-replay"
                    >
                        <ReplayIcon fontSize="small" />
                    </IconButton>
                </Tooltip>
            ) : (
                <Button
                    size="small"
                    variant="contained"
                    color="warning"
                    startIcon={<ReplayIcon />}
                    onClick={() => setOpen(true)}
                    data-testid="outbox-replay"
                >
                    {label}
                </Button>
            )}
            {open && (
                <Dialog
                    open
                    onClose={isPending ? undefined : () => setOpen(false)}
                    aria-labelledby="replay-title"
                >
                    <DialogTitle id="replay-title">
                        {translate(`${T}.title`, { id: event.id, type: event.type })}
                    </DialogTitle>
                    <DialogContent>
                        <DialogContentText>
                            {translate(`${T}.explanation`, { attempts: event.attempts })}
                        </DialogContentText>
                    </DialogContent>
                    <DialogActions>
                        <Button onClick={() => setOpen(false)} disabled={isPending}>
                            {translate('ra.action.cancel')}
                        </Button>
                        <Button
                            variant="contained"
                            color="warning"
                            loading={isPending}
                            onClick={() => mutate(event.id)}
                            autoFocus
                            data-testid="outbox-replay-confirm"
                        >
                            {translate(`${T}.confirm`)}
                        </Button>
                    </DialogActions>
                </Dialog>
            )}
        </Box>
    );
};
