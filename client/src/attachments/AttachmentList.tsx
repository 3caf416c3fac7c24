import { Box, Typography } from '@mui/material';
import {
    DataTable,
    List,
    NumberInput,
    SearchInput,
    SelectInput,
    TextInput,
    useRecordContext,
} from 'react-admin';
import { ATTACHMENT_KINDS, ATTACHMENT_UPLOADERS, REVIEW_STATUSES } from '../../../shared/domain';
import { DisputeLinkField } from '../common/DisputeLinkField';
import { EnumField } from '../common/EnumField';
import { enumChoices } from '../common/enums';
import { FileSizeField } from '../common/FileSizeField';
import { dateRangeFilters } from '../common/rangeFilters';
import { RelativeDateField } from '../common/RelativeDateField';
import type { Attachment } from '../types';
import { AttachmentThumbnail } from './AttachmentThumbnail';
import { ListExportActions } from '../common/ListExportActions';

const Column = DataTable.Col<Attachment>;

const attachmentFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <NumberInput key="disputeId" source="disputeId" sx={{ width: 130 }} />,
    <SelectInput key="kind" source="kind" choices={enumChoices('attachmentKind', ATTACHMENT_KINDS)} />,
    <SelectInput
        key="uploadedBy"
        source="uploadedBy"
        choices={enumChoices('uploader', ATTACHMENT_UPLOADERS)}
    />,
    <SelectInput
        key="reviewStatus"
        source="reviewStatus"
        choices={enumChoices('reviewStatus', REVIEW_STATUSES)}
    />,
    <TextInput key="mimeType" source="mimeType" />,
    ...dateRangeFilters('createdAt'),
];

const FileCell = (_props: { source?: string }) => {
    const attachment = useRecordContext<Attachment>();
    if (!attachment) return null;
    return (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <AttachmentThumbnail attachment={attachment} size={32} />
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {attachment.fileName}
            </Typography>
        </Box>
    );
};

export const AttachmentList = () => (
    <List
        actions={<ListExportActions />}
        filters={attachmentFilters}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        exporter={false}
    >
        <DataTable rowClick="show" bulkActionButtons={false}>
            <Column source="fileName">
                <FileCell />
            </Column>
            <Column source="disputeId">
                <DisputeLinkField />
            </Column>
            <Column source="kind" disableSort>
                <EnumField source="kind" enumName="attachmentKind" />
            </Column>
            <Column source="mimeType" disableSort />
            <Column source="size" align="right">
                <FileSizeField source="size" />
            </Column>
            <Column source="uploadedBy" disableSort>
                <EnumField source="uploadedBy" enumName="uploader" />
            </Column>
            <Column source="reviewStatus" disableSort>
                <EnumField source="reviewStatus" enumName="reviewStatus" />
            </Column>
            <Column source="createdAt">
                <RelativeDateField source="createdAt" short />
            </Column>
        </DataTable>
    </List>
);
