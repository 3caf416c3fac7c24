import { DataTable, FilterButton, List, ReferenceField, TextField, TopToolbar } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { RelativeDateField } from '../common/RelativeDateField';
import { useQueryGate } from '../common/useQueryGate';
import type { AuditEvent } from '../types';
import { auditEventFilters } from './auditEventFilters';
import { AuditEntityField } from './AuditEntityField';
import { AuditOutcomeField } from './AuditOutcomeField';
import { VerifyChainButton } from './VerifyChainButton';
import { CsvExportButton } from '../common/CsvExportButton';

const Column = DataTable.Col<AuditEvent>;

const mono = { fontFamily: 'monospace', fontSize: 12 } as const;

const AuditEventListActions = () => (
    <TopToolbar>
        <FilterButton />
        <VerifyChainButton />
        <CsvExportButton />
    </TopToolbar>
);

/** Newest first; nothing here can change an event (the API has no writes for them). */
export const AuditEventList = () => {
    const gate = useQueryGate('audit-events', 'list');
    return (
        <List
            // The actor filter reads staff: render it only for roles that may be here at all.
            filters={gate.enabled ? auditEventFilters : []}
            actions={<AuditEventListActions />}
            sort={{ field: 'id', order: 'DESC' }}
            perPage={25}
            exporter={false}
            queryOptions={gate}
        >
            <DataTable rowClick="show" bulkActionButtons={false}>
                <Column source="id" />
                <Column source="occurredAt">
                    <RelativeDateField source="occurredAt" short />
                </Column>
                <Column source="actorId">
                    <ReferenceField source="actorId" reference="staff" link="show" emptyText="—" />
                </Column>
                <Column source="actorRole" disableSort>
                    <EnumField source="actorRole" enumName="actorRole" />
                </Column>
                <Column source="action">
                    <TextField source="action" sx={mono} />
                </Column>
                <Column source="entity">
                    <AuditEntityField />
                </Column>
                <Column source="outcome" disableSort>
                    <AuditOutcomeField source="outcome" />
                </Column>
                <Column source="ip" disableSort>
                    <TextField source="ip" emptyText="—" sx={mono} />
                </Column>
                <Column source="requestId" disableSort>
                    <TextField source="requestId" emptyText="—" sx={{ ...mono, color: 'text.secondary' }} />
                </Column>
            </DataTable>
        </List>
    );
};
