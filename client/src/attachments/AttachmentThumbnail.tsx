import { useState } from 'react';
import { Box } from '@mui/material';
import type { Attachment } from '../types';
import { AttachmentKindIcon } from './AttachmentKindIcon';
import { attachmentContentUrl, attachmentThumbnailUrl } from './attachmentUrl';

/**
 * A square preview: the image from the thumbnail endpoint (a preview in a list is not a viewing of
 * the evidence, so it is not audited), else the kind's icon (videos, PDFs, and images whose
 * content cannot be loaded). `viewing` loads the evidence itself, which is audited: for the page
 * that shows one attachment.
 */
export const AttachmentThumbnail = ({
    attachment,
    size = 56,
    viewing = false,
}: {
    attachment: Attachment;
    size?: number;
    viewing?: boolean;
}) => {
    const [failed, setFailed] = useState(false);
    const showImage = attachment.kind === 'image' && !failed;
    return (
        <Box
            sx={{
                width: size,
                height: size,
                flexShrink: 0,
                borderRadius: 1,
                border: 1,
                borderColor: 'divider',
                bgcolor: 'action.hover',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                overflow: 'hidden',
                color: 'text.secondary',
            }}
        >
            {showImage ? (
                <Box
                    component="img"
                    src={
                        viewing ? attachmentContentUrl(attachment.id) : attachmentThumbnailUrl(attachment.id)
                    }
                    alt={attachment.fileName}
                    loading="lazy"
                    onError={() => setFailed(true)}
                    sx={{ width: '100%', height: '100%', objectFit: 'cover' }}
                />
            ) : (
                <AttachmentKindIcon kind={attachment.kind} sx={{ fontSize: size / 2 }} />
            )}
        </Box>
    );
};
