import { NullableBooleanInput, SearchInput, SelectInput, TextInput } from 'react-admin';
import { DISPUTE_REASONS } from '../../../shared/domain';
import { CURRENCIES } from '../../../shared/money';
import { enumChoices } from '../common/enums';
import { dateRangeFilters, moneyRangeFilters } from '../common/rangeFilters';

const currencyChoices = CURRENCIES.map((code) => ({ id: code, name: code }));

const upperCase = (value: string) => (value ? value.toUpperCase() : value);

/**
 * The queue's filter bar: every input is one of the queue's filters (QUEUE_FILTERS), so that "Next
 * case" and the counts beside the list apply exactly what the list shows.
 */
export const queueFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="currency" source="currency" choices={currencyChoices} translateChoice={false} />,
    ...moneyRangeFilters('orderTotal'),
    <SelectInput key="reason" source="reason" choices={enumChoices('reason', DISPUTE_REASONS)} />,
    <NullableBooleanInput key="goodsReceived" source="goodsReceived" />,
    <TextInput key="buyerCountry" source="buyerCountry" parse={upperCase} sx={{ width: 120 }} />,
    <NullableBooleanInput key="buyerFlagged" source="buyerFlagged" />,
    ...dateRangeFilters('escalatedAt'),
];
