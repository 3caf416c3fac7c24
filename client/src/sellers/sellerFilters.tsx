import { SearchInput, TextInput } from 'react-admin';
import { countRangeFilters } from '../common/countInputs';

/** Every rating figure filters by range. */
export const sellerFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <TextInput key="country" source="country" parse={(v: string) => v?.toUpperCase()} sx={{ width: 120 }} />,
    ...countRangeFilters('score'),
    ...countRangeFilters('disputeRatePermille'),
    ...countRangeFilters('ordersCount'),
    ...countRangeFilters('disputesCount'),
    ...countRangeFilters('disputesLostCount'),
    ...countRangeFilters('disputesPartialCount'),
    ...countRangeFilters('disputesWonCount'),
    ...countRangeFilters('sellerTimeoutCount'),
    ...countRangeFilters('offersAcceptedCount'),
    ...countRangeFilters('positiveFeedbackPermille'),
];
