import { DataTable, List, TextField, useCanAccess } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { RelativeDateField } from '../common/RelativeDateField';
import { SlaBar } from '../common/SlaBar';
import { StatusChip } from '../common/StatusChip';
import type { Dispute } from '../types';
import { DisputeAssigneeField } from './DisputeAssigneeField';
import { DisputeBuyerCell } from './DisputeBuyerCell';
import { DisputeRowActions } from './DisputeRowActions';
import { disputeFilters } from './disputeFilters';
import { ListExportActions } from '../common/ListExportActions';

const Column = DataTable.Col<Dispute>;

/**
 * Sortable columns are exactly those disputesResource declares `sort: true`. Staff who talk to the
 * parties (support, above all) ask for evidence and answer from the row.
 */
export const DisputeList = () => {
    const { canAccess: mayMessage } = useCanAccess({ resource: 'disputes', action: 'message' });
    return (
        <List
            actions={<ListExportActions />}
            filters={disputeFilters}
            sort={{ field: 'id', order: 'DESC' }}
            perPage={25}
            exporter={false}
        >
            <DataTable rowClick="show" bulkActionButtons={false}>
                <Column source="id" render={(record) => `#${record.id}`} />
                <Column source="status">
                    <StatusChip />
                </Column>
                <Column source="reason">
                    <EnumField source="reason" enumName="reason" />
                </Column>
                <Column source="orderTotal" align="right">
                    <MoneyField source="orderTotal" />
                </Column>
                <Column source="buyerName">
                    <DisputeBuyerCell />
                </Column>
                <Column source="sellerName">
                    <TextField source="sellerName" />
                </Column>
                <Column source="assigneeName" disableSort>
                    <DisputeAssigneeField />
                </Column>
                <Column source="slaDueAt" sortByOrder="ASC">
                    <SlaBar />
                </Column>
                <Column source="openedAt" sortByOrder="DESC">
                    <RelativeDateField source="openedAt" short />
                </Column>
                {mayMessage && (
                    <Column label="resources.disputes.row_actions" disableSort>
                        <DisputeRowActions />
                    </Column>
                )}
            </DataTable>
        </List>
    );
};
