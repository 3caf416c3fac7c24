import {
    NullableBooleanInput,
    ReferenceInput,
    SearchInput,
    SelectArrayInput,
    SelectInput,
    TextInput,
} from 'react-admin';
import {
    DISPUTE_REASONS,
    DISPUTE_STATUSES,
    PAYMENT_METHODS,
    REQUESTED_SOLUTIONS,
} from '../../../shared/domain';
import { CURRENCIES } from '../../../shared/money';
import { enumChoices } from '../common/enums';
import { dateRangeFilters, moneyRangeFilters } from '../common/rangeFilters';

const currencyChoices = CURRENCIES.map((code) => ({ id: code, name: code }));

const upperCase = (value: string) => (value ? value.toUpperCase() : value);

/** Filters the dispute list offers; every one is a filter the API accepts (disputesResource). */
export const disputeFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput
        key="status"
        source="status"
        choices={enumChoices('disputeStatus', DISPUTE_STATUSES)}
        alwaysOn
        sx={{ minWidth: 180 }}
    />,
    <SelectInput key="reason" source="reason" choices={enumChoices('reason', DISPUTE_REASONS)} />,
    <NullableBooleanInput key="goodsReceived" source="goodsReceived" />,
    <SelectInput
        key="requestedSolution"
        source="requestedSolution"
        choices={enumChoices('requestedSolution', REQUESTED_SOLUTIONS)}
    />,
    <SelectInput key="currency" source="currency" choices={currencyChoices} translateChoice={false} />,
    ...moneyRangeFilters('orderTotal'),
    <SelectInput
        key="paymentMethod"
        source="paymentMethod"
        choices={enumChoices('paymentMethod', PAYMENT_METHODS)}
    />,
    <TextInput key="buyerCountry" source="buyerCountry" parse={upperCase} sx={{ width: 120 }} />,
    <NullableBooleanInput key="buyerFlagged" source="buyerFlagged" />,
    <ReferenceInput
        key="assigneeId"
        source="assigneeId"
        reference="staff-directory"
        sort={{ field: 'fullName', order: 'ASC' }}
    >
        <SelectInput optionText="fullName" />
    </ReferenceInput>,
    ...dateRangeFilters('openedAt'),
    ...dateRangeFilters('escalatedAt'),
    ...dateRangeFilters('slaDueAt'),
];
