import { lazy, Suspense, type ComponentProps } from 'react';
import type { Attachment } from '../../types';

/** The kinds the lightbox shows; PDFs open in the PDF viewer. */
export const VIEWABLE_KINDS: readonly string[] = ['image', 'video'];

// Loaded when first opened: the lightbox and pdf.js stay out of the case page until then.
const EvidenceViewer = lazy(() => import('./EvidenceViewer').then((m) => ({ default: m.EvidenceViewer })));
const PdfViewerDialog = lazy(() => import('../../attachments/PdfViewerDialog'));

/** The image and video viewer, loaded when a slide is first opened (index ≥ 0). */
export const LazyEvidenceViewer = (props: ComponentProps<typeof EvidenceViewer>) =>
    props.index < 0 ? null : (
        <Suspense fallback={null}>
            <EvidenceViewer {...props} />
        </Suspense>
    );

/** The PDF viewer for `attachment`, loaded when a PDF is first opened. */
export const LazyPdfViewer = ({
    attachment,
    onClose,
}: {
    attachment: Attachment | null;
    onClose: () => void;
}) =>
    attachment ? (
        <Suspense fallback={null}>
            <PdfViewerDialog attachment={attachment} onClose={onClose} />
        </Suspense>
    ) : null;
