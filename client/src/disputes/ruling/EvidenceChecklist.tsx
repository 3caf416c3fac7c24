import {
    Alert,
    Box,
    Checkbox,
    FormControlLabel,
    FormHelperText,
    Skeleton,
    Stack,
    Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { AttachmentThumbnail } from '../../attachments/AttachmentThumbnail';
import type { Attachment } from '../../types';

const T = 'resources.disputes.ruling.form';

/** The dispute's evidence as checkboxes: what the ruling relies on. */
export const EvidenceChecklist = ({
    attachments,
    isPending,
    failed,
    selected,
    error,
    onChange,
}: {
    attachments: Attachment[];
    isPending: boolean;
    failed: boolean;
    selected: number[];
    error?: string;
    onChange: (ids: number[]) => void;
}) => {
    const translate = useTranslate();
    const toggle = (id: number, checked: boolean) =>
        onChange(checked ? [...selected, id] : selected.filter((other) => other !== id));
    return (
        <Box component="fieldset" sx={{ border: 0, m: 0, p: 0 }} data-testid="ruling-evidence">
            <Typography variant="subtitle2" component="legend" sx={{ mb: 0.5 }}>
                {translate(`${T}.evidence`, { count: selected.length })}
            </Typography>
            {isPending ? (
                <Stack spacing={1}>
                    <Skeleton variant="rounded" height={40} />
                    <Skeleton variant="rounded" height={40} />
                </Stack>
            ) : failed ? (
                <Alert severity="error">{translate('resources.disputes.evidence.error')}</Alert>
            ) : attachments.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    {translate(`${T}.evidence_empty`)}
                </Typography>
            ) : (
                <Stack spacing={0.5}>
                    {attachments.map((attachment) => (
                        <FormControlLabel
                            key={attachment.id}
                            control={
                                <Checkbox
                                    size="small"
                                    checked={selected.includes(attachment.id)}
                                    onChange={(event) => toggle(attachment.id, event.target.checked)}
                                    slotProps={{
                                        input: { 'aria-describedby': `evidence-meta-${attachment.id}` },
                                    }}
                                />
                            }
                            data-testid="ruling-evidence-item"
                            sx={{ m: 0, gap: 1, alignItems: 'center' }}
                            label={
                                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
                                    <AttachmentThumbnail attachment={attachment} size={40} />
                                    <Box sx={{ minWidth: 0 }}>
                                        <Typography variant="body2" noWrap title={attachment.fileName}>
                                            {attachment.fileName}
                                        </Typography>
                                        <Typography
                                            variant="caption"
                                            color="text.secondary"
                                            id={`evidence-meta-${attachment.id}`}
                                        >
                                            {translate(`${T}.evidence_meta`, {
                                                kind: translate(`enums.attachmentKind.${attachment.kind}`),
                                                party: translate(
                                                    `enums.uploader.${attachment.uploadedBy}`
                                                ).toLowerCase(),
                                                review: translate(
                                                    `enums.reviewStatus.${attachment.reviewStatus}`
                                                ),
                                            })}
                                        </Typography>
                                    </Box>
                                </Stack>
                            }
                        />
                    ))}
                </Stack>
            )}
            {error && <FormHelperText error>{error}</FormHelperText>}
        </Box>
    );
};
