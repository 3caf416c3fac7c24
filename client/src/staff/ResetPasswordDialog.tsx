import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
    Button,
    Form,
    minLength,
    PasswordInput,
    required,
    SaveButton,
    useDataProvider,
    useNotify,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { PASSWORD_MIN_LENGTH } from '../../../shared/schemas/staff';
import type { DisputeDeskDataProvider } from '../dataProvider';
import type { Staff } from '../types';

const sameAsPassword = (value: string, values: Record<string, unknown>) =>
    value && value !== values.password ? 'resources.staff.reset_password.mismatch' : undefined;

/** A new password, typed twice; on success every session of that staff member ends. */
export const ResetPasswordDialog = ({ staff, onClose }: { staff: Staff; onClose: () => void }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    const name = staff.fullName;
    const { mutate, isPending, error } = useMutation<Staff, Error, string>({
        mutationFn: (password) => dataProvider.resetStaffPassword(staff.id, password),
        onSuccess: () => {
            notify('resources.staff.reset_password.done', { type: 'success', messageArgs: { name } });
            refresh();
            onClose();
        },
    });
    const tooShort = translate('resources.staff.reset_password.too_short', { min: PASSWORD_MIN_LENGTH });

    return (
        <Dialog open onClose={isPending ? undefined : onClose} fullWidth maxWidth="xs">
            <Form onSubmit={(values: Record<string, unknown>) => mutate(String(values.password))}>
                <DialogTitle>{translate('resources.staff.reset_password.title', { name })}</DialogTitle>
                <DialogContent>
                    <DialogContentText sx={{ mb: 2 }}>
                        {translate('resources.staff.reset_password.intro', { name })}
                    </DialogContentText>
                    <PasswordInput
                        source="password"
                        label="resources.staff.reset_password.password"
                        autoComplete="new-password"
                        autoFocus
                        fullWidth
                        validate={[required(), minLength(PASSWORD_MIN_LENGTH, tooShort)]}
                        helperText={tooShort}
                    />
                    <PasswordInput
                        source="confirmation"
                        label="resources.staff.reset_password.confirmation"
                        autoComplete="new-password"
                        fullWidth
                        validate={[required(), sameAsPassword]}
                    />
                    {error && (
                        <Alert severity="error" role="alert">
                            {error.message}
                        </Alert>
                    )}
                </DialogContent>
                <DialogActions>
                    <Button label="ra.action.cancel" onClick={onClose} disabled={isPending} />
                    <SaveButton
                        label="resources.staff.reset_password.submit"
                        icon={<LockResetIcon />}
                        disabled={isPending}
                        alwaysEnable={!isPending}
                    />
                </DialogActions>
            </Form>
        </Dialog>
    );
};
