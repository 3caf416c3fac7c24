import {
    NullableBooleanInput,
    NumberInput,
    ReferenceInput,
    SearchInput,
    SelectArrayInput,
    SelectInput,
} from 'react-admin';
import { DECISION_STATUSES, DISPUTE_REASONS, OUTCOMES } from '../../../shared/domain';
import { CURRENCIES } from '../../../shared/money';
import { enumChoices } from '../common/enums';
import { countRangeFilters } from '../common/countInputs';
import { dateRangeFilters, moneyRangeFilters } from '../common/rangeFilters';

export const decisionFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput
        key="status"
        source="status"
        choices={enumChoices('decisionStatus', DECISION_STATUSES)}
        alwaysOn
        sx={{ minWidth: 160 }}
    />,
    <SelectInput key="outcome" source="outcome" choices={enumChoices('outcome', OUTCOMES)} />,
    <SelectInput key="reason" source="reason" choices={enumChoices('reason', DISPUTE_REASONS)} />,
    <NullableBooleanInput key="returnRequired" source="returnRequired" />,
    <ReferenceInput
        key="mediatorId"
        source="mediatorId"
        reference="staff-directory"
        sort={{ field: 'fullName', order: 'ASC' }}
    >
        <SelectInput optionText="fullName" />
    </ReferenceInput>,
    <NumberInput key="disputeId" source="disputeId" sx={{ width: 130 }} />,
    <SelectInput
        key="currency"
        source="currency"
        choices={CURRENCIES.map((code) => ({ id: code, name: code }))}
        translateChoice={false}
    />,
    ...moneyRangeFilters('refundAmount'),
    ...dateRangeFilters('issuedAt'),
    ...countRangeFilters('refundPercent'),
    ...countRangeFilters('hoursToDecision'),
];
