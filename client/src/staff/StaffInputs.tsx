import {
    email,
    maxLength,
    minLength,
    PasswordInput,
    required,
    SelectInput,
    TextInput,
    useGetIdentity,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { ROLES } from '../../../shared/domain';
import { PASSWORD_MIN_LENGTH } from '../../../shared/schemas/staff';
import { enumChoices } from '../common/enums';
import type { Staff } from '../types';
import { StaffActiveInput } from './StaffActiveInput';

const wide = { width: '100%', maxWidth: 420 };

/**
 * The fields of a staff member. Creating takes email and an initial password; editing takes the
 * active switch instead, and nobody changes their own role or deactivates themselves.
 */
export const StaffInputs = ({ mode }: { mode: 'create' | 'edit' }) => {
    const translate = useTranslate();
    const record = useRecordContext<Staff>();
    const { identity } = useGetIdentity();
    const isSelf = mode === 'edit' && !!record && record.id === identity?.id;
    const selfHelper = isSelf ? translate('resources.staff.helpers.self') : undefined;
    return (
        <>
            {mode === 'create' && (
                <TextInput
                    source="email"
                    type="email"
                    autoComplete="off"
                    validate={[required(), email(), maxLength(254)]}
                    helperText="resources.staff.helpers.email"
                    sx={wide}
                />
            )}
            <TextInput source="fullName" validate={[required(), maxLength(120)]} sx={wide} />
            <SelectInput
                source="role"
                choices={enumChoices('role', ROLES)}
                validate={required()}
                disabled={isSelf}
                helperText={selfHelper ?? false}
                sx={wide}
            />
            {mode === 'create' && (
                <PasswordInput
                    source="password"
                    autoComplete="new-password"
                    validate={[required(), minLength(PASSWORD_MIN_LENGTH)]}
                    helperText={translate('resources.staff.helpers.password', { min: PASSWORD_MIN_LENGTH })}
                    sx={wide}
                />
            )}
            {mode === 'edit' && <StaffActiveInput disabled={isSelf} />}
        </>
    );
};
