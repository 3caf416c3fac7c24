import {
    DataTable,
    List,
    NullableBooleanInput,
    NumberInput,
    SelectArrayInput,
    SelectInput,
} from 'react-admin';
import { REFUND_DESTINATIONS, REFUND_STATUSES } from '../../../shared/domain';
import { CURRENCIES } from '../../../shared/money';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { EnumField } from '../common/EnumField';
import { enumChoices } from '../common/enums';
import { MoneyField } from '../common/MoneyField';
import { dateRangeFilters, moneyRangeFilters } from '../common/rangeFilters';
import { RelativeDateField } from '../common/RelativeDateField';
import type { Refund } from '../types';
import { RefundOverdueField } from './RefundOverdueField';
import { RefundStatusField } from './RefundStatusField';
import { ListExportActions } from '../common/ListExportActions';

const Column = DataTable.Col<Refund>;

const refundFilters = [
    <SelectArrayInput
        key="status"
        source="status"
        choices={enumChoices('refundStatus', REFUND_STATUSES)}
        alwaysOn
        sx={{ minWidth: 160 }}
    />,
    <SelectInput
        key="destination"
        source="destination"
        choices={enumChoices('refundDestination', REFUND_DESTINATIONS)}
    />,
    <NullableBooleanInput key="overdue" source="overdue" alwaysOn />,
    <NumberInput key="disputeId" source="disputeId" sx={{ width: 130 }} />,
    <SelectInput
        key="currency"
        source="currency"
        choices={CURRENCIES.map((code) => ({ id: code, name: code }))}
        translateChoice={false}
    />,
    ...moneyRangeFilters('amount'),
    ...dateRangeFilters('requestedAt'),
    ...dateRangeFilters('dueBy'),
];

export const RefundList = () => (
    <List
        actions={<ListExportActions />}
        filters={refundFilters}
        sort={{ field: 'requestedAt', order: 'DESC' }}
        perPage={25}
        exporter={false}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="id" />
            <Column source="disputeId">
                <DisputeLinkField />
            </Column>
            <Column source="amount" align="right">
                <MoneyField source="amount" />
            </Column>
            <Column source="destination" disableSort>
                <EnumField source="destination" enumName="refundDestination" />
            </Column>
            <Column source="status">
                <RefundStatusField />
            </Column>
            <Column source="requestedAt">
                <RelativeDateField source="requestedAt" short />
            </Column>
            <Column source="dueBy">
                <RelativeDateField source="dueBy" short />
            </Column>
            <Column source="overdueAt">
                <RefundOverdueField />
            </Column>
            <Column source="completedAt">
                <RelativeDateField source="completedAt" short />
            </Column>
        </DataTable>
    </List>
);
