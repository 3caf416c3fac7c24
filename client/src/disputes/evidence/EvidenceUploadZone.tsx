import { useRef, useState, type DragEvent } from 'react';
import { Alert, Box, Button, IconButton, LinearProgress, Stack, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined';
import { useLocale, useRefresh, useTranslate, type Identifier } from 'react-admin';
import { DEFAULT_POLICY } from '../../../../shared/policy';
import { UploadError, uploadAttachment } from '../../attachments/uploadAttachment';
import { formatBytes } from '../../common/formatters';

/** What the server accepts (it checks the content, not this list: the list only filters the picker). */
const ACCEPT =
    'image/jpeg,image/png,image/webp,image/gif,video/mp4,video/webm,video/quicktime,application/pdf';
const LARGEST = Math.max(
    DEFAULT_POLICY.maxImageBytes,
    DEFAULT_POLICY.maxVideoBytes,
    DEFAULT_POLICY.maxPdfBytes
);

interface Upload {
    key: number;
    name: string;
    progress: number;
    state: 'waiting' | 'uploading' | 'done' | 'error';
    error?: string;
}

const ERROR_KEY: Record<number, string> = {
    413: 'too_large',
    415: 'type',
    422: 'count',
    409: 'conflict',
    0: 'network',
};

/** Staff evidence by drag and drop (or the file picker): one request per file, each with its progress and its error. */
export const EvidenceUploadZone = ({ disputeId }: { disputeId: Identifier }) => {
    const translate = useTranslate();
    const locale = useLocale();
    const refresh = useRefresh();
    const [uploads, setUploads] = useState<Upload[]>([]);
    const [dragging, setDragging] = useState(false);
    const input = useRef<HTMLInputElement>(null);
    const nextKey = useRef(0);
    const queue = useRef(Promise.resolve());
    const t = (key: string, args?: object) => translate(`resources.disputes.evidence.upload.${key}`, args);

    const update = (key: number, change: Partial<Upload>) =>
        setUploads((all) => all.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));

    const errorText = (error: unknown) => {
        if (!(error instanceof UploadError)) return t('error.other', { message: String(error) });
        if (error.status === 0) return t('error.network');
        return t(`error.${ERROR_KEY[error.status] ?? 'other'}`, {
            message: error.message || String(error.status),
        });
    };

    const upload = async (key: number, file: File) => {
        if (file.size > LARGEST) {
            update(key, {
                state: 'error',
                error: t('error.local_size', { max: formatBytes(LARGEST, locale) }),
            });
            return;
        }
        update(key, { state: 'uploading' });
        try {
            await uploadAttachment(disputeId, file, (progress) => update(key, { progress }));
            update(key, { state: 'done', progress: 1 });
            refresh();
        } catch (error) {
            update(key, { state: 'error', error: errorText(error) });
        }
    };

    const add = (files: FileList | null) => {
        if (!files?.length) return;
        const added = Array.from(files, (file) => ({ file, key: nextKey.current++ }));
        setUploads((all) => [
            ...all,
            ...added.map(({ file, key }) => ({
                key,
                name: file.name,
                progress: 0,
                state: 'waiting' as const,
            })),
        ]);
        for (const { file, key } of added) queue.current = queue.current.then(() => upload(key, file));
    };

    const onDrop = (event: DragEvent) => {
        event.preventDefault();
        setDragging(false);
        add(event.dataTransfer.files);
    };

    return (
        <Stack spacing={1}>
            <Box
                onDragOver={(event) => {
                    event.preventDefault();
                    setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={onDrop}
                data-testid="evidence-dropzone"
                sx={{
                    p: 2,
                    border: 2,
                    borderStyle: 'dashed',
                    borderRadius: 1,
                    borderColor: dragging ? 'primary.main' : 'divider',
                    bgcolor: dragging ? 'action.hover' : undefined,
                    textAlign: 'center',
                }}
            >
                <CloudUploadOutlinedIcon color="action" />
                <Typography variant="body2">{t('drop')}</Typography>
                <Typography variant="caption" color="text.secondary" component="div">
                    {t('or')}
                </Typography>
                <Button
                    size="small"
                    variant="outlined"
                    onClick={() => input.current?.click()}
                    sx={{ mt: 0.5 }}
                >
                    {t('choose')}
                </Button>
                <input
                    ref={input}
                    type="file"
                    multiple
                    accept={ACCEPT}
                    hidden
                    data-testid="evidence-file-input"
                    onChange={(event) => {
                        add(event.target.files);
                        event.target.value = '';
                    }}
                />
                <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
                    {t('allowed', {
                        image: formatBytes(DEFAULT_POLICY.maxImageBytes, locale),
                        video: formatBytes(DEFAULT_POLICY.maxVideoBytes, locale),
                        pdf: formatBytes(DEFAULT_POLICY.maxPdfBytes, locale),
                    })}
                </Typography>
            </Box>
            {uploads.map((item) =>
                item.state === 'error' ? (
                    <Alert
                        key={item.key}
                        severity="error"
                        data-testid="upload-error"
                        action={
                            <IconButton
                                size="small"
                                aria-label={t('dismiss')}
                                onClick={() =>
                                    setUploads((all) => all.filter((other) => other.key !== item.key))
                                }
                            >
                                <CloseIcon fontSize="small" />
                            </IconButton>
                        }
                    >
                        <strong>{item.name}</strong>: {item.error}
                    </Alert>
                ) : (
                    <Box key={item.key} data-testid="upload-progress" data-state={item.state}>
                        <Typography variant="caption" sx={{ overflowWrap: 'anywhere' }}>
                            {item.name} ·{' '}
                            {item.state === 'done'
                                ? t('done')
                                : `${t('uploading')} ${Math.round(item.progress * 100)} %`}
                        </Typography>
                        <LinearProgress
                            variant="determinate"
                            value={item.progress * 100}
                            color={item.state === 'done' ? 'success' : 'primary'}
                            aria-label={item.name}
                        />
                    </Box>
                )
            )}
        </Stack>
    );
};
