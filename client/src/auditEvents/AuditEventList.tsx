import {
    DataTable,
    List,
    ReferenceField,
    ReferenceInput,
    SearchInput,
    SelectInput,
    TextField,
    TextInput,
} from 'react-admin';
import { EnumField } from '../common/EnumField';
import { dateRangeFilters } from '../common/rangeFilters';
import { RelativeDateField } from '../common/RelativeDateField';
import type { AuditEvent } from '../types';

const Column = DataTable.Col<AuditEvent>;

const outcomeChoices = ['success', 'denied', 'failure'].map((id) => ({
    id,
    name: `enums.auditOutcome.${id}`,
}));

const auditEventFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <TextInput key="action" source="action" />,
    <TextInput key="entity" source="entity" />,
    <TextInput key="entityId" source="entityId" />,
    <ReferenceInput
        key="actorId"
        source="actorId"
        reference="staff"
        sort={{ field: 'fullName', order: 'ASC' }}
    >
        <SelectInput optionText="fullName" />
    </ReferenceInput>,
    <TextInput key="actorRole" source="actorRole" />,
    <SelectInput key="outcome" source="outcome" choices={outcomeChoices} />,
    <TextInput key="requestId" source="requestId" />,
    <TextInput key="ip" source="ip" />,
    ...dateRangeFilters('occurredAt'),
];

export const AuditEventList = () => (
    <List filters={auditEventFilters} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="id" />
            <Column source="occurredAt">
                <RelativeDateField source="occurredAt" short />
            </Column>
            <Column source="actorId">
                <ReferenceField source="actorId" reference="staff" link="show" emptyText="—" />
            </Column>
            <Column source="actorRole" disableSort>
                <EnumField source="actorRole" enumName="role" />
            </Column>
            <Column source="action">
                <TextField source="action" sx={{ fontFamily: 'monospace' }} />
            </Column>
            <Column source="entity" />
            <Column source="entityId" disableSort />
            <Column source="outcome" disableSort>
                <EnumField source="outcome" enumName="auditOutcome" />
            </Column>
        </DataTable>
    </List>
);
