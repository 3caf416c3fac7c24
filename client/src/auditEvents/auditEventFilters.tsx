import { DateTimeInput, ReferenceInput, SearchInput, SelectInput, TextInput } from 'react-admin';
import { ROLES } from '../../../shared/domain';
import { enumChoices } from '../common/enums';

const ACTOR_ROLES = [...ROLES, 'anonymous', 'system', 'marketplace:buyer', 'marketplace:seller'];
const OUTCOMES = ['success', 'denied', 'failure'];

/** The datetime-local value (browser time) as an ISO instant, which the server compares in UTC. */
const toIso = (value: string) => (value ? new Date(value).toISOString() : value);

const mono = { '& input': { fontFamily: 'monospace' } };

export const auditEventFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <ReferenceInput
        key="actorId"
        source="actorId"
        reference="staff"
        sort={{ field: 'fullName', order: 'ASC' }}
        alwaysOn
    >
        <SelectInput optionText="fullName" sx={{ minWidth: 180 }} />
    </ReferenceInput>,
    <SelectInput
        key="actorRole"
        source="actorRole"
        choices={enumChoices('actorRole', ACTOR_ROLES)}
        sx={{ minWidth: 160 }}
    />,
    <TextInput key="action" source="action" sx={mono} />,
    <TextInput key="entity" source="entity" />,
    <TextInput key="entityId" source="entityId" sx={{ width: 120 }} />,
    <SelectInput key="outcome" source="outcome" choices={enumChoices('auditOutcome', OUTCOMES)} />,
    <DateTimeInput key="occurredAt_gte" source="occurredAt_gte" parse={toIso} alwaysOn />,
    <DateTimeInput key="occurredAt_lte" source="occurredAt_lte" parse={toIso} alwaysOn />,
    <TextInput key="requestId" source="requestId" sx={mono} />,
    <TextInput key="ip" source="ip" sx={mono} />,
];
