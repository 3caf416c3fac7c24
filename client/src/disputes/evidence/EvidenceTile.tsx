import { Box, Button, ButtonBase, Chip, Stack, Tooltip, Typography } from '@mui/material';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutline';
import RateReviewOutlinedIcon from '@mui/icons-material/RateReviewOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { useLocale, useTranslate } from 'react-admin';
import { AttachmentThumbnail } from '../../attachments/AttachmentThumbnail';
import { reuseOf } from '../../attachments/reuse';
import { REVIEW_COLOR } from '../../attachments/reviewColor';
import { formatBytes } from '../../common/formatters';
import type { Attachment } from '../../types';

const TILE = 128;

/** One piece of evidence: preview, name, type and size, review status, reuse flag, review action. */
export const EvidenceTile = ({
    attachment,
    onOpen,
    onReview,
}: {
    attachment: Attachment;
    /** Opens the viewer: the lightbox for images and videos, the PDF viewer for PDFs. */
    onOpen: () => void;
    onReview?: () => void;
}) => {
    const translate = useTranslate();
    const locale = useLocale();
    const reused = reuseOf(attachment);
    const openLabel = translate('resources.disputes.evidence.open', { name: attachment.fileName });
    return (
        <Box
            component="li"
            data-testid="evidence-tile"
            data-attachment-id={attachment.id}
            data-review-status={attachment.reviewStatus}
            sx={{ width: TILE, display: 'flex', flexDirection: 'column', gap: 0.5 }}
        >
            <ButtonBase
                onClick={onOpen}
                aria-label={openLabel}
                title={openLabel}
                focusRipple
                sx={{
                    position: 'relative',
                    borderRadius: 1,
                    '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
                }}
                data-testid="evidence-open"
            >
                <AttachmentThumbnail attachment={attachment} size={TILE} />
                {attachment.kind === 'video' && (
                    <PlayCircleOutlineIcon
                        sx={{
                            position: 'absolute',
                            fontSize: 40,
                            color: 'common.white',
                            filter: 'drop-shadow(0 0 2px #000)',
                        }}
                    />
                )}
            </ButtonBase>
            <Typography variant="body2" noWrap title={attachment.fileName} sx={{ fontWeight: 500 }}>
                {attachment.fileName}
            </Typography>
            <Typography variant="caption" color="text.secondary" noWrap title={attachment.mimeType}>
                {translate('resources.disputes.evidence.file_meta', {
                    type: translate(`enums.attachmentKind.${attachment.kind}`),
                    size: formatBytes(attachment.size, locale),
                })}
            </Typography>
            <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                <Tooltip
                    title={
                        attachment.reviewNote
                            ? translate('resources.disputes.evidence.review.by_note', {
                                  note: attachment.reviewNote,
                              })
                            : ''
                    }
                >
                    <Chip
                        size="small"
                        variant="outlined"
                        color={REVIEW_COLOR[attachment.reviewStatus] ?? 'default'}
                        label={translate(`enums.reviewStatus.${attachment.reviewStatus}`, {
                            _: attachment.reviewStatus,
                        })}
                        data-testid="review-chip"
                    />
                </Tooltip>
                {reused.length > 0 && (
                    <Chip
                        size="small"
                        color="warning"
                        icon={<WarningAmberIcon />}
                        label={translate('resources.disputes.evidence.reused.chip')}
                    />
                )}
            </Stack>
            {attachment.reviewNote && (
                <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                    {attachment.reviewNote}
                </Typography>
            )}
            {onReview && (
                <Button
                    size="small"
                    startIcon={<RateReviewOutlinedIcon />}
                    onClick={onReview}
                    sx={{ alignSelf: 'flex-start' }}
                    data-testid="evidence-review"
                >
                    {translate('resources.disputes.evidence.review.action')}
                </Button>
            )}
        </Box>
    );
};
