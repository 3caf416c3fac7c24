import {
    BooleanField,
    DataTable,
    EmailField,
    List,
    NullableBooleanInput,
    SearchInput,
    SelectInput,
} from 'react-admin';
import { ROLES } from '../../../shared/domain';
import { EnumField } from '../common/EnumField';
import { enumChoices } from '../common/enums';
import { RelativeDateField } from '../common/RelativeDateField';
import { useQueryGate } from '../common/useQueryGate';
import type { Staff } from '../types';
import { ListExportActions } from '../common/ListExportActions';

const Column = DataTable.Col<Staff>;

const staffFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="role" source="role" choices={enumChoices('role', ROLES)} alwaysOn />,
    <NullableBooleanInput key="active" source="active" />,
];

export const StaffList = () => (
    <List
        actions={<ListExportActions />}
        filters={staffFilters}
        sort={{ field: 'fullName', order: 'ASC' }}
        perPage={25}
        exporter={false}
        queryOptions={useQueryGate('staff', 'list')}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="fullName" />
            <Column source="email">
                <EmailField source="email" onClick={(event) => event.stopPropagation()} />
            </Column>
            <Column source="role">
                <EnumField source="role" enumName="role" />
            </Column>
            <Column source="active" field={BooleanField} />
            <Column source="lockedUntil" disableSort>
                <RelativeDateField source="lockedUntil" short />
            </Column>
            <Column source="createdAt">
                <RelativeDateField source="createdAt" short />
            </Column>
        </DataTable>
    </List>
);
