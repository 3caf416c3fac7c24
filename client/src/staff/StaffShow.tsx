import {
    BooleanField,
    EmailField,
    Labeled,
    Show,
    SimpleShowLayout,
    TextField,
    useTranslate,
} from 'react-admin';
import { EnumField } from '../common/EnumField';
import { RelativeDateField } from '../common/RelativeDateField';
import { DisputesTable } from '../disputes/DisputesTable';

const AssignedDisputes = () => {
    const translate = useTranslate();
    return (
        <Labeled label={translate('resources.staff.sections.assigned')} fullWidth>
            <DisputesTable target="assigneeId" />
        </Labeled>
    );
};

export const StaffShow = () => (
    <Show>
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
