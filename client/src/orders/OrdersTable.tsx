import { DataTable, Pagination, ReferenceManyField } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { RelativeDateField } from '../common/RelativeDateField';
import type { Order } from '../types';

const Column = DataTable.Col<Order>;

/** The orders of a buyer or a seller. */
export const OrdersTable = ({ target }: { target: 'buyerId' | 'sellerId' }) => (
    <ReferenceManyField
        reference="orders"
        target={target}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10, 25]} />}
    >
        <DataTable rowClick="show" bulkActionButtons={false} size="small">
            <Column source="externalId" />
            <Column source="productTitle" />
            <Column source={target === 'buyerId' ? 'sellerName' : 'buyerName'} />
            <Column source="total" align="right">
                <MoneyField source="total" />
            </Column>
            <Column source="paymentMethod" disableSort>
                <EnumField source="paymentMethod" enumName="paymentMethod" />
            </Column>
            <Column source="createdAt">
                <RelativeDateField source="createdAt" short />
            </Column>
        </DataTable>
    </ReferenceManyField>
);
