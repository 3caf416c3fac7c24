import { Box, Stack } from '@mui/material';
import { Labeled, ReferenceField, Show, TextField, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { JsonField } from '../common/JsonField';
import { Property, PropertyList } from '../common/PropertyList';
import { RelativeDateField } from '../common/RelativeDateField';
import { SectionCard } from '../common/SectionCard';
import { useQueryGate } from '../common/useQueryGate';
import { AuditEntityField } from './AuditEntityField';
import { AuditOutcomeField } from './AuditOutcomeField';
import { useRecordNotFound } from '../common/useRecordNotFound';

const mono = { fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' } as const;

/** One audit event: who did what to which record, the values before and after, and its chain link. */
export const AuditEventShow = () => {
    const translate = useTranslate();
    const queryOptions = { ...useQueryGate('audit-events', 'show'), ...useRecordNotFound() };
    return (
        <Show component="div" queryOptions={queryOptions}>
            <Stack spacing={2} sx={{ mt: 1 }}>
                <SectionCard title={translate('resources.audit-events.sections.event')}>
                    <PropertyList>
                        <Property source="occurredAt">
                            <RelativeDateField source="occurredAt" />
                        </Property>
                        <Property source="actorId">
                            <ReferenceField source="actorId" reference="staff" link="show" emptyText="—" />
                        </Property>
                        <Property source="actorRole">
                            <EnumField source="actorRole" enumName="actorRole" />
                        </Property>
                        <Property source="action">
                            <TextField source="action" sx={mono} />
                        </Property>
                        <Property source="entity">
                            <AuditEntityField />
                        </Property>
                        <Property source="outcome">
                            <AuditOutcomeField source="outcome" />
                        </Property>
                        <Property source="ip">
                            <TextField source="ip" emptyText="—" sx={mono} />
                        </Property>
                        <Property source="requestId">
                            <TextField source="requestId" emptyText="—" sx={mono} />
                        </Property>
                    </PropertyList>
                </SectionCard>
                <SectionCard title={translate('resources.audit-events.sections.change')}>
                    <Box sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 2 }}>
                        <Labeled source="before" fullWidth>
                            <JsonField source="before" />
                        </Labeled>
                        <Labeled source="after" fullWidth>
                            <JsonField source="after" />
                        </Labeled>
                    </Box>
                </SectionCard>
                <SectionCard title={translate('resources.audit-events.sections.chain')}>
                    <PropertyList>
                        <Property source="prevHash">
                            <TextField source="prevHash" sx={mono} />
                        </Property>
                        <Property source="hash">
                            <TextField source="hash" sx={mono} />
                        </Property>
                    </PropertyList>
                </SectionCard>
            </Stack>
        </Show>
    );
};
