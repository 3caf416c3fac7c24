import { SearchInput, SelectInput, TextInput } from 'react-admin';
import { PAYMENT_METHODS } from '../../../shared/domain';
import { CURRENCIES } from '../../../shared/money';
import { enumChoices } from '../common/enums';
import { dateRangeFilters, moneyRangeFilters } from '../common/rangeFilters';

export const orderFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
        key="currency"
        source="currency"
        choices={CURRENCIES.map((code) => ({ id: code, name: code }))}
        translateChoice={false}
    />,
    ...moneyRangeFilters('total'),
    <SelectInput
        key="paymentMethod"
        source="paymentMethod"
        choices={enumChoices('paymentMethod', PAYMENT_METHODS)}
    />,
    <TextInput key="trackingNumber" source="trackingNumber" />,
    ...dateRangeFilters('shippedAt'),
    ...dateRangeFilters('completedAt'),
    ...dateRangeFilters('protectionEndsAt'),
];
