import { useState } from 'react';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import { useMutation } from '@tanstack/react-query';
import { Button, Confirm, useCanAccess, useNotify, useRecordContext } from 'react-admin';
import type { Staff } from '../types';
import { revokeStaffSessions, type SessionsEnded } from './sessionCalls';

/** Ends every session of this staff member, after a confirmation; shown only to supervisors. */
export const RevokeSessionsButton = () => {
    const record = useRecordContext<Staff>();
    const notify = useNotify();
    const [open, setOpen] = useState(false);
    const { canAccess } = useCanAccess({ resource: 'staff', action: 'revoke_sessions', record });
    const name = record?.fullName ?? '';
    const { mutate, isPending } = useMutation<SessionsEnded, Error>({
        mutationFn: () => revokeStaffSessions(record!.id),
        onSuccess: ({ ended }) => {
            setOpen(false);
            notify('resources.staff.revoke_sessions.done', {
                type: 'success',
                messageArgs: { name, smart_count: ended },
            });
        },
        onError: (error) => notify(error.message, { type: 'error' }),
    });
    if (!record || !canAccess) return null;
    return (
        <>
            <Button
                label="resources.staff.revoke_sessions.button"
                onClick={() => setOpen(true)}
                data-testid="revoke-sessions"
            >
                <PhonelinkEraseIcon />
            </Button>
            <Confirm
                isOpen={open}
                loading={isPending}
                title="resources.staff.revoke_sessions.title"
                content="resources.staff.revoke_sessions.content"
                translateOptions={{ name }}
                confirm="resources.staff.revoke_sessions.confirm"
                onConfirm={() => mutate()}
                onClose={() => setOpen(false)}
            />
        </>
    );
};
