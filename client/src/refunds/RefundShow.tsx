import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { EnumField } from '../common/EnumField';
import { MoneyField } from '../common/MoneyField';
import { RelativeDateField } from '../common/RelativeDateField';
import { RefundOverdueField } from './RefundOverdueField';
import { RefundStatusField } from './RefundStatusField';
import { useRecordNotFound } from '../common/useRecordNotFound';

export const RefundShow = () => (
    <Show queryOptions={useRecordNotFound()}>
        <SimpleShowLayout>
            <DisputeLinkField source="disputeId" />
            <ReferenceField source="decisionId" reference="decisions" link="show" emptyText="—" />
            <MoneyField source="amount" />
            <EnumField source="destination" enumName="refundDestination" />
            <RefundStatusField source="status" />
            <RelativeDateField source="requestedAt" />
            <RelativeDateField source="dueBy" />
            <RelativeDateField source="completedAt" />
            <RefundOverdueField source="overdueAt" />
            <TextField source="reference" emptyText="—" />
        </SimpleShowLayout>
    </Show>
);
