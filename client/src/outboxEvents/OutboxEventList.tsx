import { DataTable, List, NumberField, TextField } from 'react-admin';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { RelativeDateField } from '../common/RelativeDateField';
import { AudienceField } from './AudienceField';
import { LastErrorField, NextAttemptField } from './deliveryFields';
import { DeliveryStallNotice } from './DeliveryStallNotice';
import { outboxEventFilters } from './outboxEventFilters';
import { OutboxStatusField } from './OutboxStatusField';
import type { OutboxEvent } from './outboxTypes';
import { ReplayOutboxEventButton } from './ReplayOutboxEventButton';
import { ListExportActions } from '../common/ListExportActions';

const Column = DataTable.Col<OutboxEvent>;

/** Deliveries: every event for the marketplace, where its delivery stands, replay of the dead ones. */
export const OutboxEventList = () => (
    <List
        actions={<ListExportActions />}
        filters={outboxEventFilters}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={25}
        exporter={false}
        title="resources.outbox-events.title"
    >
        <DeliveryStallNotice />
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="id" />
            <Column source="type">
                <TextField source="type" sx={{ fontFamily: 'monospace', fontSize: 13 }} />
            </Column>
            <Column source="audience" disableSort>
                <AudienceField />
            </Column>
            <Column source="disputeId">
                <DisputeLinkField />
            </Column>
            <Column source="status">
                <OutboxStatusField />
            </Column>
            <Column source="attempts" align="right">
                <NumberField source="attempts" />
            </Column>
            <Column source="lastError" disableSort>
                <LastErrorField />
            </Column>
            <Column source="nextAttemptAt">
                <NextAttemptField />
            </Column>
            <Column source="deliveredAt">
                <RelativeDateField source="deliveredAt" short />
            </Column>
            <Column source="createdAt">
                <RelativeDateField source="createdAt" short />
            </Column>
            <Column label="" disableSort>
                <ReplayOutboxEventButton compact />
            </Column>
        </DataTable>
    </List>
);
