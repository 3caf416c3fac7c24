import { Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { EnumField } from '../common/EnumField';
import { FileSizeField } from '../common/FileSizeField';
import { RelativeDateField } from '../common/RelativeDateField';
import type { Attachment } from '../types';
import { AttachmentThumbnail } from './AttachmentThumbnail';
import { useRecordNotFound } from '../common/useRecordNotFound';

const Preview = (_props: { label?: string | false }) => {
    const attachment = useRecordContext<Attachment>();
    return attachment ? <AttachmentThumbnail attachment={attachment} size={160} viewing /> : null;
};

export const AttachmentShow = () => (
    <Show queryOptions={useRecordNotFound()}>
        <SimpleShowLayout>
            <Preview label={false} />
            <TextField source="fileName" />
            <DisputeLinkField source="disputeId" />
            <EnumField source="kind" enumName="attachmentKind" />
            <TextField source="mimeType" />
            <FileSizeField source="size" />
            <TextField source="sha256" sx={{ fontFamily: 'monospace' }} />
            <EnumField source="uploadedBy" enumName="uploader" />
            <RelativeDateField source="createdAt" />
            <EnumField source="reviewStatus" enumName="reviewStatus" />
            <TextField source="reviewNote" emptyText="—" />
            <RelativeDateField source="reviewedAt" />
        </SimpleShowLayout>
    </Show>
);
