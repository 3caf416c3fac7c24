import { useState, type MouseEvent } from 'react';
import { Box, Button, type ButtonProps } from '@mui/material';
import PersonAddAltOutlinedIcon from '@mui/icons-material/PersonAddAltOutlined';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Dispute } from '../types';
import { AssignDialog } from './AssignDialog';
import { useMayHandOver } from './useDisputePermissions';

/** Supervisor: assign a queued dispute, or reassign a held one, to a mediator. */
export const AssignButton = ({ size = 'small' }: { size?: ButtonProps['size'] }) => {
    const record = useRecordContext<Dispute>();
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const assign = useMayHandOver('assign', record);
    if (!record || !assign) return null;
    const held = record.assigneeId !== null;
    return (
        <Box component="span" onClick={(event: MouseEvent) => event.stopPropagation()}>
            <Button
                size={size}
                variant="outlined"
                startIcon={held ? <SwapHorizIcon /> : <PersonAddAltOutlinedIcon />}
                onClick={() => setOpen(true)}
                sx={{ whiteSpace: 'nowrap' }}
                data-testid="assign"
            >
                {translate(`resources.disputes.actions.${held ? 'reassign' : 'assign'}`)}
            </Button>
            {open && <AssignDialog record={record} onClose={() => setOpen(false)} />}
        </Box>
    );
};
