import { useState } from 'react';
import { FormControlLabel, FormHelperText, Switch } from '@mui/material';
import { Confirm, useInput, useRecordContext, useTranslate } from 'react-admin';
import type { Staff } from '../types';

/** The active switch; switching someone off first says what it does to their sessions. */
export const StaffActiveInput = ({ disabled }: { disabled?: boolean }) => {
    const translate = useTranslate();
    const record = useRecordContext<Staff>();
    const { field } = useInput({ source: 'active' });
    const [confirming, setConfirming] = useState(false);
    const name = record?.fullName ?? '';

    return (
        <>
            <FormControlLabel
                control={
                    <Switch
                        checked={!!field.value}
                        disabled={disabled}
                        onChange={(event) =>
                            event.target.checked ? field.onChange(true) : setConfirming(true)
                        }
                        onBlur={field.onBlur}
                        slotProps={{ input: { 'aria-describedby': 'staff-active-helper' } }}
                    />
                }
                label={translate('resources.staff.fields.active')}
            />
            <FormHelperText id="staff-active-helper" sx={{ mt: -0.5, mb: 2, mx: 0 }}>
                {translate('resources.staff.helpers.active')}
            </FormHelperText>
            <Confirm
                isOpen={confirming}
                title="resources.staff.deactivate.title"
                content="resources.staff.deactivate.content"
                translateOptions={{ name }}
                confirm="resources.staff.deactivate.confirm"
                confirmColor="warning"
                onConfirm={() => {
                    field.onChange(false);
                    setConfirming(false);
                }}
                onClose={() => setConfirming(false)}
            />
        </>
    );
};
