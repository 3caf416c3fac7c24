import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { JsonField } from '../common/JsonField';
import { RelativeDateField } from '../common/RelativeDateField';

const mono = { fontFamily: 'monospace', overflowWrap: 'anywhere' } as const;

export const AuditEventShow = () => (
    <Show>
        <SimpleShowLayout>
            <RelativeDateField source="occurredAt" />
            <ReferenceField source="actorId" reference="staff" link="show" emptyText="—" />
            <EnumField source="actorRole" enumName="role" />
            <TextField source="action" sx={mono} />
            <TextField source="entity" />
            <TextField source="entityId" emptyText="—" />
            <EnumField source="outcome" enumName="auditOutcome" />
            <JsonField source="before" />
            <JsonField source="after" />
            <TextField source="requestId" emptyText="—" sx={mono} />
            <TextField source="ip" emptyText="—" sx={mono} />
            <TextField source="prevHash" sx={mono} />
            <TextField source="hash" sx={mono} />
        </SimpleShowLayout>
    </Show>
);
