import { useState } from 'react';
import {
    Alert,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogContentText,
    DialogTitle,
    MenuItem,
    TextField,
} from '@mui/material';
import { useGetList, useTranslate, type Identifier } from 'react-admin';
import type { Dispute, Staff } from '../types';
import { useDisputeAction } from './useDisputeAction';

const HOLDERS = { active: true, role: ['mediator', 'supervisor'] };

/** Supervisor: choose the active mediator or supervisor who takes the dispute over. */
export const AssignDialog = ({ record, onClose }: { record: Dispute; onClose: () => void }) => {
    const translate = useTranslate();
    const [staffId, setStaffId] = useState<Identifier | ''>('');
    const { data: staff = [], isPending: loadingStaff } = useGetList<Staff>('staff', {
        filter: HOLDERS,
        sort: { field: 'fullName', order: 'ASC' },
        pagination: { page: 1, perPage: 200 },
    });
    const { mutate, isPending, error } = useDisputeAction(
        'resources.disputes.notifications.assigned',
        onClose
    );
    const held = record.assigneeId !== null;
    const dialog = held ? 'reassign' : 'assign';
    const submit = () => {
        if (staffId !== '') mutate((dataProvider) => dataProvider.assign(record.id, staffId));
    };
    return (
        <Dialog open onClose={isPending ? undefined : onClose} fullWidth maxWidth="xs">
            <DialogTitle>
                {translate(`resources.disputes.dialogs.${dialog}.title`, { id: record.id })}
            </DialogTitle>
            <DialogContent>
                <DialogContentText variant="body2" sx={{ mb: 2 }}>
                    {held
                        ? translate('resources.disputes.dialogs.reassign.content', {
                              name: record.assigneeName ?? '',
                          })
                        : translate('resources.disputes.dialogs.assign.content')}
                </DialogContentText>
                <TextField
                    select
                    fullWidth
                    size="small"
                    autoFocus
                    label={translate('resources.disputes.dialogs.assign.staff')}
                    value={staffId}
                    onChange={(event) => setStaffId(Number(event.target.value))}
                    disabled={loadingStaff || isPending}
                    helperText={
                        !loadingStaff && staff.length === 0
                            ? translate('resources.disputes.dialogs.assign.no_staff')
                            : undefined
                    }
                    slotProps={{ htmlInput: { 'data-testid': 'assign-staff' } }}
                >
                    {staff.map((member) => (
                        <MenuItem
                            key={member.id}
                            value={member.id}
                            disabled={member.id === record.assigneeId}
                        >
                            {member.fullName} · {translate(`enums.role.${member.role}`)}
                            {member.id === record.assigneeId &&
                                ` · ${translate('resources.disputes.dialogs.assign.current')}`}
                        </MenuItem>
                    ))}
                </TextField>
                {error && (
                    <Alert severity="error" sx={{ mt: 2 }}>
                        {error.message}
                    </Alert>
                )}
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose} disabled={isPending}>
                    {translate('ra.action.cancel')}
                </Button>
                <Button
                    variant="contained"
                    onClick={submit}
                    disabled={staffId === ''}
                    loading={isPending}
                    data-testid="assign-confirm"
                >
                    {translate(`resources.disputes.actions.${dialog}`)}
                </Button>
            </DialogActions>
        </Dialog>
    );
};
