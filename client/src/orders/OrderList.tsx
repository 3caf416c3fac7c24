import { DataTable, List, NumberField, TextField } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { RecordLinkField } from '../common/RecordLinkField';
import { RelativeDateField } from '../common/RelativeDateField';
import type { Order } from '../types';
import { orderFilters } from './orderFilters';
import { ListExportActions } from '../common/ListExportActions';

const Column = DataTable.Col<Order>;

export const OrderList = () => (
    <List
        actions={<ListExportActions />}
        filters={orderFilters}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={25}
        exporter={false}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="id" />
            <Column source="externalId">
                <TextField source="externalId" sx={{ fontFamily: 'monospace' }} />
            </Column>
            <Column source="productTitle" />
            <Column source="buyerName">
                <RecordLinkField source="buyerName" reference="buyers" idSource="buyerId" />
            </Column>
            <Column source="sellerName">
                <RecordLinkField source="sellerName" reference="sellers" idSource="sellerId" />
            </Column>
            <Column source="quantity" align="right">
                <NumberField source="quantity" />
            </Column>
            <Column source="total" align="right">
                <MoneyField source="total" />
            </Column>
            <Column source="paymentMethod" disableSort>
                <EnumField source="paymentMethod" enumName="paymentMethod" />
            </Column>
            <Column source="shippedAt">
                <RelativeDateField source="shippedAt" short />
            </Column>
            <Column source="protectionEndsAt">
                <RelativeDateField source="protectionEndsAt" short />
            </Column>
        </DataTable>
    </List>
);
