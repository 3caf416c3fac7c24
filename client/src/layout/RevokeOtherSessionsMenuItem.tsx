import { useState } from 'react';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useNotify, useTranslate, useUserMenu } from 'react-admin';
import { revokeOtherSessions, type SessionsEnded } from '../staff/sessionCalls';

/** "Sign out other sessions": every other browser or device of this staff member, after a confirmation. */
export const RevokeOtherSessionsMenuItem = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const userMenu = useUserMenu();
    const [open, setOpen] = useState(false);
    const { mutate, isPending } = useMutation<SessionsEnded, Error>({
        mutationFn: revokeOtherSessions,
        onSuccess: ({ ended }) => {
            setOpen(false);
            userMenu?.onClose();
            notify('app.auth.revoke_others.done', { type: 'success', messageArgs: { smart_count: ended } });
        },
        onError: (error) => notify(error.message, { type: 'error' }),
    });
    return (
        <>
            <MenuItem onClick={() => setOpen(true)} data-testid="revoke-other-sessions">
                <ListItemIcon>
                    <PhonelinkEraseIcon fontSize="small" />
                </ListItemIcon>
                <ListItemText>{translate('app.auth.revoke_others.menu')}</ListItemText>
            </MenuItem>
            <Confirm
                isOpen={open}
                loading={isPending}
                title="app.auth.revoke_others.title"
                content="app.auth.revoke_others.content"
                confirm="app.auth.revoke_others.confirm"
                onConfirm={() => mutate()}
                onClose={() => setOpen(false)}
            />
        </>
    );
};
