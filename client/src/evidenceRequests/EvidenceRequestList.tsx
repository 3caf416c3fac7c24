import {
    BooleanField,
    DataTable,
    List,
    NullableBooleanInput,
    NumberInput,
    SearchInput,
    SelectArrayInput,
    SelectInput,
    TextField,
} from 'react-admin';
import { EVIDENCE_REQUEST_STATUSES, EVIDENCE_REQUEST_TARGETS } from '../../../shared/domain';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { EnumField } from '../common/EnumField';
import { enumChoices } from '../common/enums';
import { dateRangeFilters } from '../common/rangeFilters';
import { RelativeDateField } from '../common/RelativeDateField';
import type { EvidenceRequest } from '../types';
import { ListExportActions } from '../common/ListExportActions';

const Column = DataTable.Col<EvidenceRequest>;

const evidenceRequestFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput
        key="status"
        source="status"
        choices={enumChoices('evidenceStatus', EVIDENCE_REQUEST_STATUSES)}
        alwaysOn
        sx={{ minWidth: 160 }}
    />,
    <SelectInput
        key="requestedFrom"
        source="requestedFrom"
        choices={enumChoices('evidenceTarget', EVIDENCE_REQUEST_TARGETS)}
    />,
    <NumberInput key="disputeId" source="disputeId" sx={{ width: 130 }} />,
    <NullableBooleanInput key="buyerAnswered" source="buyerAnswered" />,
    <NullableBooleanInput key="sellerAnswered" source="sellerAnswered" />,
    ...dateRangeFilters('dueAt'),
];

export const EvidenceRequestList = () => (
    <List
        actions={<ListExportActions />}
        filters={evidenceRequestFilters}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        exporter={false}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="id" />
            <Column source="disputeId">
                <DisputeLinkField />
            </Column>
            <Column source="requestedFrom" disableSort>
                <EnumField source="requestedFrom" enumName="evidenceTarget" />
            </Column>
            <Column source="message" disableSort>
                <TextField
                    source="message"
                    sx={{
                        display: '-webkit-box',
                        WebkitLineClamp: 2,
                        WebkitBoxOrient: 'vertical',
                        overflow: 'hidden',
                    }}
                />
            </Column>
            <Column source="status">
                <EnumField source="status" enumName="evidenceStatus" />
            </Column>
            <DataTable.Col source="buyerAnswered" disableSort field={BooleanField} />
            <DataTable.Col source="sellerAnswered" disableSort field={BooleanField} />
            <Column source="dueAt">
                <RelativeDateField source="dueAt" short />
            </Column>
            <Column source="createdAt">
                <RelativeDateField source="createdAt" short />
            </Column>
        </DataTable>
    </List>
);
