import { useState } from 'react';
import LockResetIcon from '@mui/icons-material/LockReset';
import { Button, useCanAccess, useRecordContext } from 'react-admin';
import type { Staff } from '../types';
import { ResetPasswordDialog } from './ResetPasswordDialog';

/** Opens the password reset dialog; shown only to roles that may reset passwords. */
export const ResetPasswordButton = () => {
    const record = useRecordContext<Staff>();
    const [open, setOpen] = useState(false);
    const { canAccess } = useCanAccess({ resource: 'staff', action: 'reset_password', record });
    if (!record || !canAccess) return null;
    return (
        <>
            <Button label="resources.staff.reset_password.button" onClick={() => setOpen(true)}>
                <LockResetIcon />
            </Button>
            {open && <ResetPasswordDialog staff={record} onClose={() => setOpen(false)} />}
        </>
    );
};
