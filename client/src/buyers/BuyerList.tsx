import { DataTable, List, NullableBooleanInput, SearchInput, TextInput } from 'react-admin';
import { countRangeFilters } from '../common/countInputs';
import { CountryField } from '../common/CountryField';
import type { Buyer } from '../types';
import { BuyerFlags } from './BuyerFlags';

const Column = DataTable.Col<Buyer>;
const NumberColumn = DataTable.NumberCol<Buyer>;

const buyerFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <TextInput key="country" source="country" parse={(v: string) => v?.toUpperCase()} sx={{ width: 120 }} />,
    <NullableBooleanInput key="flagged" source="flagged" />,
    <NullableBooleanInput key="blocked" source="blocked" />,
    ...countRangeFilters('disputesCount'),
    ...countRangeFilters('penaltyCount'),
];

export const BuyerList = () => (
    <List
        filters={buyerFilters}
        sort={{ field: 'disputesCount', order: 'DESC' }}
        perPage={25}
        exporter={false}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="id" />
            <Column source="name" />
            <Column source="country">
                <CountryField source="country" />
            </Column>
            <NumberColumn source="rating" />
            <NumberColumn source="ordersCount" />
            <NumberColumn source="disputesCount" sortByOrder="DESC" />
            <NumberColumn source="disputesWonCount" sortByOrder="DESC" />
            <NumberColumn source="penaltyCount" sortByOrder="DESC" />
            <Column source="flagged" sortByOrder="DESC">
                <BuyerFlags />
            </Column>
        </DataTable>
    </List>
);
