import { useState } from 'react';
import { Button } from '@mui/material';
import BlockIcon from '@mui/icons-material/Block';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useMutation } from '@tanstack/react-query';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { Buyer } from '../types';
import { BlockBuyerDialog } from './BlockBuyerDialog';
import { setBuyerBlocked } from './blockBuyer';

/** A supervisor's "Block" (or "Unblock") of the buyer shown, through a dialog asking why. */
export const BlockBuyerButton = () => {
    const buyer = useRecordContext<Buyer>();
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const [open, setOpen] = useState(false);
    const { canAccess } = useCanAccess({ resource: 'buyers', action: 'block' });
    const mutation = useMutation<Buyer, Error, string>({
        mutationFn: (reason) => setBuyerBlocked(buyer!.id, !buyer!.blocked, reason),
        onSuccess: (updated) => {
            notify(`resources.buyers.notifications.${updated.blocked ? 'blocked' : 'unblocked'}`, {
                type: 'success',
                messageArgs: { name: updated.name },
            });
            setOpen(false);
            refresh();
        },
        // A 409: someone else did it first; the page shows the buyer as it is now.
        onError: () => refresh(),
    });
    if (!buyer || !canAccess) return null;
    const mode = buyer.blocked ? 'unblock' : 'block';
    return (
        <>
            <Button
                variant={buyer.blocked ? 'outlined' : 'contained'}
                color={buyer.blocked ? 'primary' : 'error'}
                size="small"
                startIcon={buyer.blocked ? <LockOpenIcon /> : <BlockIcon />}
                onClick={() => {
                    mutation.reset();
                    setOpen(true);
                }}
                data-testid="block-buyer-button"
            >
                {translate(`resources.buyers.block.${mode}`)}
            </Button>
            {open && (
                <BlockBuyerDialog
                    buyer={buyer}
                    isPending={mutation.isPending}
                    error={mutation.error}
                    onConfirm={(reason) => mutation.mutate(reason)}
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
};
