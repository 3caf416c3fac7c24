import { DataTable, List, SearchInput, TextInput } from 'react-admin';
import { countRangeFilters } from '../common/countInputs';
import { CountryField } from '../common/CountryField';
import { PermilleField } from '../common/PermilleField';
import type { Seller } from '../types';

const Column = DataTable.Col<Seller>;
const NumberColumn = DataTable.NumberCol<Seller>;

const sellerFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <TextInput key="country" source="country" parse={(v: string) => v?.toUpperCase()} sx={{ width: 120 }} />,
    ...countRangeFilters('disputesCount'),
    ...countRangeFilters('disputesLostCount'),
];

export const SellerList = () => (
    <List
        filters={sellerFilters}
        sort={{ field: 'disputesCount', order: 'DESC' }}
        perPage={25}
        exporter={false}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="id" />
            <Column source="storeName" />
            <Column source="country">
                <CountryField source="country" />
            </Column>
            <Column source="positiveFeedbackPermille" align="right" sortByOrder="DESC">
                <PermilleField source="positiveFeedbackPermille" />
            </Column>
            <NumberColumn source="ordersCount" sortByOrder="DESC" />
            <NumberColumn source="disputesCount" sortByOrder="DESC" />
            <NumberColumn source="disputesLostCount" sortByOrder="DESC" />
        </DataTable>
    </List>
);
