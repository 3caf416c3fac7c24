import { DataTable, List } from 'react-admin';
import { ScoreField } from '../buyers/ScoreField';
import { CountryField } from '../common/CountryField';
import { PermilleField } from '../common/PermilleField';
import type { Seller } from '../types';
import { sellerFilters } from './sellerFilters';
import { ListExportActions } from '../common/ListExportActions';

const Column = DataTable.Col<Seller>;
const NumberColumn = DataTable.NumberCol<Seller>;

/** Seller ratings, worst score first: every figure sorts. */
export const SellerList = () => (
    <List
        actions={<ListExportActions />}
        filters={sellerFilters}
        sort={{ field: 'score', order: 'ASC' }}
        perPage={25}
        exporter={false}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="id" />
            <Column source="storeName" />
            <Column source="country">
                <CountryField source="country" />
            </Column>
            <Column source="score" align="right">
                <ScoreField source="score" />
            </Column>
            <Column source="disputeRatePermille" align="right" sortByOrder="DESC">
                <PermilleField source="disputeRatePermille" />
            </Column>
            <Column source="positiveFeedbackPermille" align="right" sortByOrder="DESC">
                <PermilleField source="positiveFeedbackPermille" />
            </Column>
            <NumberColumn source="ordersCount" sortByOrder="DESC" />
            <NumberColumn source="disputesCount" sortByOrder="DESC" />
            <NumberColumn source="disputesLostCount" sortByOrder="DESC" />
            <NumberColumn source="disputesPartialCount" sortByOrder="DESC" />
            <NumberColumn source="sellerTimeoutCount" sortByOrder="DESC" />
            <NumberColumn source="offersAcceptedCount" sortByOrder="DESC" />
        </DataTable>
    </List>
);
