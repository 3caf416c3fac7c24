import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { EnumField } from '../common/EnumField';
import { RelativeDateField } from '../common/RelativeDateField';
import { useRecordNotFound } from '../common/useRecordNotFound';

export const EvidenceRequestShow = () => (
    <Show queryOptions={useRecordNotFound()}>
        <SimpleShowLayout>
            <DisputeLinkField source="disputeId" />
            <EnumField source="requestedFrom" enumName="evidenceTarget" />
            <TextField source="message" sx={{ whiteSpace: 'pre-wrap' }} />
            <EnumField source="status" enumName="evidenceStatus" />
            <RelativeDateField source="createdAt" />
            <RelativeDateField source="dueAt" />
            <BooleanField source="buyerAnswered" />
            <BooleanField source="sellerAnswered" />
            <RelativeDateField source="fulfilledAt" />
        </SimpleShowLayout>
    </Show>
);
