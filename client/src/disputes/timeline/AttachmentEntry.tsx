import { Box, Chip, Stack, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Link, useCreatePath, useLocale, useTranslate } from 'react-admin';
import { AttachmentThumbnail } from '../../attachments/AttachmentThumbnail';
import { REVIEW_COLOR } from '../../attachments/reviewColor';
import { formatBytes } from '../../common/formatters';
import type { Attachment } from '../../types';
import { TimelineItem } from './TimelineItem';

export const AttachmentEntry = ({ attachment, at }: { attachment: Attachment; at: string }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const createPath = useCreatePath();
    return (
        <TimelineItem
            kind="attachment"
            icon={<AttachFileIcon />}
            color="#5d4037"
            title={translate('resources.disputes.timeline.attachment', {
                uploader: translate(`enums.uploader.${attachment.uploadedBy}`),
            })}
            at={at}
        >
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                <AttachmentThumbnail attachment={attachment} />
                <Box sx={{ minWidth: 0 }}>
                    <Link
                        to={createPath({ resource: 'attachments', id: attachment.id, type: 'show' })}
                        variant="body2"
                        sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}
                    >
                        {attachment.fileName}
                    </Link>
                    <Typography variant="caption" color="text.secondary" component="div">
                        {translate(`enums.attachmentKind.${attachment.kind}`)} · {attachment.mimeType} ·{' '}
                        {formatBytes(attachment.size, locale)}
                    </Typography>
                </Box>
                <Chip
                    size="small"
                    variant="outlined"
                    color={REVIEW_COLOR[attachment.reviewStatus] ?? 'default'}
                    label={translate(`enums.reviewStatus.${attachment.reviewStatus}`)}
                />
            </Stack>
        </TimelineItem>
    );
};
