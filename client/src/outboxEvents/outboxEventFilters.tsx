import { NumberInput, SearchInput, SelectArrayInput, SelectInput } from 'react-admin';
import { OUTBOX_STATUSES, PARTIES, WEBHOOK_EVENT_TYPES } from '../../../shared/domain';
import { enumChoices } from '../common/enums';
import { dateRangeFilters } from '../common/rangeFilters';

export const outboxEventFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput
        key="status"
        source="status"
        choices={OUTBOX_STATUSES.map((status) => ({ id: status, name: `enums.outboxStatus.${status}` }))}
        alwaysOn
        sx={{ minWidth: 160 }}
    />,
    <SelectInput
        key="type"
        source="type"
        choices={WEBHOOK_EVENT_TYPES.map((type) => ({ id: type, name: type }))}
        translateChoice={false}
        alwaysOn
    />,
    <NumberInput key="disputeId" source="disputeId" sx={{ width: 130 }} alwaysOn />,
    <SelectInput key="audience" source="audience" choices={enumChoices('party', PARTIES)} />,
    ...dateRangeFilters('createdAt'),
];
