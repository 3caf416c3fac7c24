import { DataTable, List } from 'react-admin';
import { CountryField } from '../common/CountryField';
import { PermilleField } from '../common/PermilleField';
import type { Buyer } from '../types';
import { BuyerFlags } from './BuyerFlags';
import { buyerFilters } from './buyerFilters';
import { ScoreField } from './ScoreField';
import { ListExportActions } from '../common/ListExportActions';

const Column = DataTable.Col<Buyer>;
const NumberColumn = DataTable.NumberCol<Buyer>;

/** Buyer ratings, worst score first: every figure sorts. */
export const BuyerList = () => (
    <List
        actions={<ListExportActions />}
        filters={buyerFilters}
        sort={{ field: 'score', order: 'ASC' }}
        perPage={25}
        exporter={false}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="id" />
            <Column source="name" />
            <Column source="country">
                <CountryField source="country" />
            </Column>
            <Column source="score" align="right">
                <ScoreField source="score" />
            </Column>
            <Column source="disputeRatePermille" align="right" sortByOrder="DESC">
                <PermilleField source="disputeRatePermille" />
            </Column>
            <NumberColumn source="ordersCount" sortByOrder="DESC" />
            <NumberColumn source="disputes90dCount" sortByOrder="DESC" />
            <NumberColumn source="disputesCount" sortByOrder="DESC" />
            <NumberColumn source="disputesWonCount" sortByOrder="DESC" />
            <NumberColumn source="disputesPartialCount" sortByOrder="DESC" />
            <NumberColumn source="disputesLostCount" sortByOrder="DESC" />
            <NumberColumn source="escalationsCount" sortByOrder="DESC" />
            <NumberColumn source="penaltyCount" sortByOrder="DESC" />
            <Column source="flagged" sortByOrder="DESC">
                <BuyerFlags />
            </Column>
        </DataTable>
    </List>
);
