import { useState, type MouseEvent } from 'react';
import { Box, Button, type ButtonProps } from '@mui/material';
import PanToolOutlinedIcon from '@mui/icons-material/PanToolOutlined';
import { Confirm, useCreatePath, useNavigate, useRecordContext, useTranslate } from 'react-admin';
import { KeyHint } from '../shortcuts/KeyHint';
import type { Dispute } from '../types';
import { useDisputeAction } from './useDisputeAction';
import { useMayHandOver } from './useDisputePermissions';

/** Take an escalated, unassigned dispute (mediator or supervisor), after a confirmation. */
export const PickUpButton = ({
    openAfter = false,
    size = 'small',
    variant = 'contained',
}: {
    /** Go to the case file afterwards (from a list). */
    openAfter?: boolean;
    size?: ButtonProps['size'];
    variant?: ButtonProps['variant'];
}) => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const navigate = useNavigate();
    const createPath = useCreatePath();
    const [open, setOpen] = useState(false);
    const pickUp = useMayHandOver('pickup', record);
    const { mutate, isPending } = useDisputeAction(
        'resources.disputes.notifications.picked_up',
        (dispute) => {
            setOpen(false);
            if (openAfter) navigate(createPath({ resource: 'disputes', id: dispute.id, type: 'show' }));
        }
    );
    if (!record || !pickUp) return null;
    return (
        // Clicks inside (the dialog included: React events cross portals) must not open the row.
        <Box component="span" onClick={(event: MouseEvent) => event.stopPropagation()}>
            <Button
                size={size}
                variant={variant}
                startIcon={<PanToolOutlinedIcon />}
                onClick={() => setOpen(true)}
                loading={isPending}
                loadingPosition="start"
                sx={{ whiteSpace: 'nowrap' }}
                data-testid="pick-up"
                aria-keyshortcuts={openAfter ? 'P' : undefined}
            >
                {translate('resources.disputes.actions.pick_up')}
                {openAfter && <KeyHint shortcut="p" selectedRowOnly />}
            </Button>
            <Confirm
                isOpen={open}
                loading={isPending}
                title="resources.disputes.dialogs.pick_up.title"
                content="resources.disputes.dialogs.pick_up.content"
                translateOptions={{ id: record.id }}
                confirm="resources.disputes.actions.pick_up"
                onConfirm={() => mutate((dataProvider) => dataProvider.pickUp(record.id))}
                onClose={() => setOpen(false)}
            />
        </Box>
    );
};
