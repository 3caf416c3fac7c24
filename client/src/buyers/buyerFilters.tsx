import { NullableBooleanInput, SearchInput, TextInput } from 'react-admin';
import { countRangeFilters } from '../common/countInputs';

/** Every rating figure filters by range; flags by yes/no. */
export const buyerFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <NullableBooleanInput key="flagged" source="flagged" alwaysOn />,
    <NullableBooleanInput key="blocked" source="blocked" alwaysOn />,
    <TextInput key="country" source="country" parse={(v: string) => v?.toUpperCase()} sx={{ width: 120 }} />,
    ...countRangeFilters('score'),
    ...countRangeFilters('disputeRatePermille'),
    ...countRangeFilters('ordersCount'),
    ...countRangeFilters('disputes90dCount'),
    ...countRangeFilters('disputesCount'),
    ...countRangeFilters('disputesWonCount'),
    ...countRangeFilters('disputesPartialCount'),
    ...countRangeFilters('disputesLostCount'),
    ...countRangeFilters('escalationsCount'),
    ...countRangeFilters('penaltyCount'),
];
