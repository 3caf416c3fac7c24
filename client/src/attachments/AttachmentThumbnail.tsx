import { useState } from 'react';
import { Box } from '@mui/material';
import type { Attachment } from '../types';
import { AttachmentKindIcon } from './AttachmentKindIcon';
import { attachmentContentUrl, attachmentThumbnailUrl } from './attachmentUrl';

/** Kinds the thumbnail endpoint may have a preview of (a video's poster frame where ffmpeg runs). */
const PREVIEW_KINDS: readonly string[] = ['image', 'video'];

/**
 * A square preview: the WebP from the thumbnail endpoint (a preview in a list is not a viewing of
 * the evidence, so it is not audited), else the kind's icon (PDFs, videos without a poster frame,
 * and images whose preview cannot be loaded). `viewing` loads the evidence itself, which is audited: for the page
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
    const showImage =
        (viewing ? attachment.kind === 'image' : PREVIEW_KINDS.includes(attachment.kind)) && !failed;
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
