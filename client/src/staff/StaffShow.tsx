import {
    BooleanField,
    EditButton,
    EmailField,
    Labeled,
    Show,
    SimpleShowLayout,
    TextField,
    TopToolbar,
    useTranslate,
} from 'react-admin';
import { EnumField } from '../common/EnumField';
import { RelativeDateField } from '../common/RelativeDateField';
import { useQueryGate } from '../common/useQueryGate';
import { DisputesTable } from '../disputes/DisputesTable';
import { ResetPasswordButton } from './ResetPasswordButton';
import { RevokeSessionsButton } from './RevokeSessionsButton';
import { useRecordNotFound } from '../common/useRecordNotFound';

const AssignedDisputes = () => {
    const translate = useTranslate();
    return (
        <Labeled label={translate('resources.staff.sections.assigned')} fullWidth>
            <DisputesTable target="assigneeId" />
        </Labeled>
    );
};

const StaffShowActions = () => (
    <TopToolbar>
        <EditButton />
        <ResetPasswordButton />
        <RevokeSessionsButton />
    </TopToolbar>
);

export const StaffShow = () => (
    <Show
        actions={<StaffShowActions />}
        queryOptions={{ ...useQueryGate('staff', 'show'), ...useRecordNotFound() }}
    >
        <SimpleShowLayout>
            <TextField source="fullName" />
            <EmailField source="email" />
            <EnumField source="role" enumName="role" />
            <BooleanField source="active" />
            <RelativeDateField source="lockedUntil" />
            <RelativeDateField source="createdAt" />
            <RelativeDateField source="updatedAt" />
            <AssignedDisputes />
        </SimpleShowLayout>
    </Show>
);
