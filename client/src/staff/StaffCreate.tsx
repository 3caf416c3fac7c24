import { Create, SimpleForm } from 'react-admin';
import { StaffInputs } from './StaffInputs';

export const StaffCreate = () => (
    <Create redirect="show">
        <SimpleForm>
            <StaffInputs mode="create" />
        </SimpleForm>
    </Create>
);
