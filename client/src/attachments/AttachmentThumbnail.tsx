import { useState } from 'react';
import { Box } from '@mui/material';
import type { Attachment } from '../types';
import { AttachmentKindIcon } from './AttachmentKindIcon';
import { attachmentContentUrl } from './attachmentUrl';

/**
 * A square preview: the image itself when the content endpoint serves it, else the kind's icon
 * (videos, PDFs, and images whose content cannot be loaded).
 */
export const AttachmentThumbnail = ({ attachment, size = 56 }: { attachment: Attachment; size?: number }) => {
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
                    src={attachmentContentUrl(attachment.id)}
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
