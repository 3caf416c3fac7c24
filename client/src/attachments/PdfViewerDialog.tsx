import { useEffect, useRef, useState } from 'react';
import {
    Alert,
    Box,
    Button,
    CircularProgress,
    Dialog,
    DialogContent,
    DialogTitle,
    IconButton,
    Stack,
    Tooltip,
    Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import { useTranslate } from 'react-admin';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Attachment } from '../types';
import { attachmentContentUrl } from './attachmentUrl';
import { openPdf } from './pdfEngine';
import { usePdfPage } from './usePdfPage';

const T = 'evidence_extras.pdf';
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/**
 * A PDF piece of evidence inside the page (pdf.js, loaded with this dialog only): one page at a
 * time on a canvas, previous/next page, zoom, and the file in a new tab as a way out.
 */
const PdfViewerDialog = ({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) => {
    const translate = useTranslate();
    const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
    const [error, setError] = useState<string | null>(null);
    const [page, setPage] = useState(1);
    const [zoom, setZoom] = useState(ZOOMS.indexOf(1));
    const canvas = useRef<HTMLCanvasElement>(null);

    useEffect(() => {
        const task = openPdf(attachment.id);
        task.promise.then(setDoc, (reason: Error) => setError(reason.message));
        return () => void task.destroy();
    }, [attachment.id]);
    const rendered = usePdfPage(doc, page, ZOOMS[zoom], canvas, setError);

    const pages = doc?.numPages ?? 0;
    const t = (key: string, args?: Record<string, unknown>) => translate(`${T}.${key}`, args);
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="lg" data-testid="pdf-viewer">
            <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1, pr: 1 }}>
                <Typography component="span" variant="h6" noWrap sx={{ flex: 1 }} title={attachment.fileName}>
                    {t('title', { name: attachment.fileName })}
                </Typography>
                <Button
                    size="small"
                    component="a"
                    href={attachmentContentUrl(attachment.id)}
                    target="_blank"
                    rel="noopener"
                    startIcon={<OpenInNewIcon />}
                >
                    {t('open_tab')}
                </Button>
                <IconButton aria-label={t('close')} onClick={onClose}>
                    <CloseIcon />
                </IconButton>
            </DialogTitle>
            <Stack direction="row" spacing={1} sx={{ px: 3, pb: 1, alignItems: 'center' }}>
                <Tooltip title={t('previous')}>
                    <span>
                        <IconButton
                            aria-label={t('previous')}
                            disabled={page <= 1}
                            onClick={() => setPage(page - 1)}
                            data-testid="pdf-previous"
                        >
                            <NavigateBeforeIcon />
                        </IconButton>
                    </span>
                </Tooltip>
                <Typography variant="body2" data-testid="pdf-page" aria-live="polite">
                    {pages ? t('page', { page, pages }) : ''}
                </Typography>
                <Tooltip title={t('next')}>
                    <span>
                        <IconButton
                            aria-label={t('next')}
                            disabled={page >= pages}
                            onClick={() => setPage(page + 1)}
                            data-testid="pdf-next"
                        >
                            <NavigateNextIcon />
                        </IconButton>
                    </span>
                </Tooltip>
                <Box sx={{ flex: 1 }} />
                <Tooltip title={t('zoom_out')}>
                    <span>
                        <IconButton
                            aria-label={t('zoom_out')}
                            disabled={zoom === 0}
                            onClick={() => setZoom(zoom - 1)}
                            data-testid="pdf-zoom-out"
                        >
                            <ZoomOutIcon />
                        </IconButton>
                    </span>
                </Tooltip>
                <Button
                    size="small"
                    onClick={() => setZoom(ZOOMS.indexOf(1))}
                    aria-label={t('zoom_reset', { percent: Math.round(ZOOMS[zoom] * 100) })}
                    data-testid="pdf-zoom"
                >
                    {Math.round(ZOOMS[zoom] * 100)}%
                </Button>
                <Tooltip title={t('zoom_in')}>
                    <span>
                        <IconButton
                            aria-label={t('zoom_in')}
                            disabled={zoom === ZOOMS.length - 1}
                            onClick={() => setZoom(zoom + 1)}
                            data-testid="pdf-zoom-in"
                        >
                            <ZoomInIcon />
                        </IconButton>
                    </span>
                </Tooltip>
            </Stack>
            <DialogContent dividers sx={{ bgcolor: 'grey.200', textAlign: 'center', minHeight: 320 }}>
                {error ? (
                    <Alert severity="error">{t('error', { error })}</Alert>
                ) : (
                    <>
                        {!rendered && (
                            <Stack direction="row" spacing={1} sx={{ justifyContent: 'center', py: 4 }}>
                                <CircularProgress size={20} />
                                <Typography variant="body2">{t('loading')}</Typography>
                            </Stack>
                        )}
                        <canvas
                            ref={canvas}
                            role="img"
                            aria-label={t('canvas', { page, name: attachment.fileName })}
                            data-testid="pdf-canvas"
                            data-rendered-page={rendered ?? undefined}
                            style={{ boxShadow: '0 1px 4px rgba(0,0,0,.3)', background: '#fff' }}
                        />
                    </>
                )}
            </DialogContent>
        </Dialog>
    );
};

export default PdfViewerDialog;
