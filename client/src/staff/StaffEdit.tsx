import { Edit, SaveButton, ShowButton, SimpleForm, Toolbar, TopToolbar } from 'react-admin';
import { useQueryGate } from '../common/useQueryGate';
import { ResetPasswordButton } from './ResetPasswordButton';
import { StaffInputs } from './StaffInputs';

const StaffEditActions = () => (
    <TopToolbar>
        <ShowButton />
        <ResetPasswordButton />
    </TopToolbar>
);

/** Pessimistic, so that the server's field errors land on the fields. */
export const StaffEdit = () => (
    <Edit
        mutationMode="pessimistic"
        redirect="show"
        actions={<StaffEditActions />}
        queryOptions={useQueryGate('staff', 'edit')}
    >
        <SimpleForm
            toolbar={
                <Toolbar>
                    <SaveButton />
                </Toolbar>
            }
        >
            <StaffInputs mode="edit" />
        </SimpleForm>
    </Edit>
);
