import { useState, type MouseEvent } from 'react';
import { Box, Button, type ButtonProps } from '@mui/material';
import UndoIcon from '@mui/icons-material/Undo';
import { Confirm, useRecordContext, useTranslate } from 'react-admin';
import type { Dispute } from '../types';
import { useDisputeAction } from './useDisputeAction';
import { useMayHandOver } from './useDisputePermissions';

/** Give a dispute in review back to the queue (its holder, or a supervisor), after a confirmation. */
export const ReleaseButton = ({ size = 'small' }: { size?: ButtonProps['size'] }) => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const release = useMayHandOver('release', record);
    const { mutate, isPending } = useDisputeAction('resources.disputes.notifications.released', () =>
        setOpen(false)
    );
    if (!record || !release) return null;
    return (
        <Box component="span" onClick={(event: MouseEvent) => event.stopPropagation()}>
            <Button
                size={size}
                variant="outlined"
                startIcon={<UndoIcon />}
                onClick={() => setOpen(true)}
                loading={isPending}
                loadingPosition="start"
                sx={{ whiteSpace: 'nowrap' }}
                data-testid="release"
            >
                {translate('resources.disputes.actions.release')}
            </Button>
            <Confirm
                isOpen={open}
                loading={isPending}
                title="resources.disputes.dialogs.release.title"
                content="resources.disputes.dialogs.release.content"
                translateOptions={{ id: record.id, name: record.assigneeName ?? '' }}
                confirm="resources.disputes.actions.release"
                onConfirm={() => mutate((dataProvider) => dataProvider.release(record.id))}
                onClose={() => setOpen(false)}
            />
        </Box>
    );
};
