import { DataTable, Pagination, ReferenceManyField, TextField } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { RelativeDateField } from '../common/RelativeDateField';
import { StatusChip } from '../common/StatusChip';
import type { Dispute } from '../types';

const Column = DataTable.Col<Dispute>;

/** The disputes that point to the current record through `target` (an order, a party, an assignee). */
export const DisputesTable = ({ target }: { target: 'orderId' | 'buyerId' | 'sellerId' | 'assigneeId' }) => (
    <ReferenceManyField
        reference="disputes"
        target={target}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
    >
        <DataTable rowClick="show" bulkActionButtons={false} size="small">
            <Column source="id" render={(record) => `#${record.id}`} />
            <Column source="status">
                <StatusChip />
            </Column>
            <Column source="reason">
                <EnumField source="reason" enumName="reason" />
            </Column>
            <Column source="productTitle" disableSort>
                <TextField source="productTitle" />
            </Column>
            <Column source="requestedAmount" align="right">
                <MoneyField source="requestedAmount" />
            </Column>
            <Column source="openedAt">
                <RelativeDateField source="openedAt" short />
            </Column>
        </DataTable>
    </ReferenceManyField>
);
