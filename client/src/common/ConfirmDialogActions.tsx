import { Button, DialogActions, type ButtonProps } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A dialog's Cancel and its confirming button, which shows progress while the request runs. */
export const ConfirmDialogActions = ({
    onCancel,
    onConfirm,
    pending,
    disabled,
    color,
    testId,
    children,
}: {
    onCancel: () => void;
    onConfirm: () => void;
    pending: boolean;
    disabled?: boolean;
    color?: ButtonProps['color'];
    /** `data-testid` of the confirming button. */
    testId: string;
    /** The confirming button's label. */
    children: ReactNode;
}) => {
    const translate = useTranslate();
    return (
        <DialogActions>
            <Button onClick={onCancel} disabled={pending}>
                {translate('ra.action.cancel')}
            </Button>
            <Button
                variant="contained"
                color={color}
                onClick={onConfirm}
                disabled={disabled}
                loading={pending}
                data-testid={testId}
            >
                {children}
            </Button>
        </DialogActions>
    );
};
