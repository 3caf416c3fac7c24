import { GlobalWorkerOptions, getDocument, type PDFDocumentLoadingTask } from 'pdfjs-dist';
// The worker is emitted as one of the app's own assets: it loads from our origin, as the CSP wants.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { attachmentContentUrl } from './attachmentUrl';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Opens a PDF attachment with pdf.js (loaded only with the PDF viewer). One plain GET of the
 * content endpoint (no range requests, no streaming), so that opening it is audited as one
 * viewing; no eval (the CSP forbids it) and no WebAssembly (that would need 'wasm-unsafe-eval').
 */
export function openPdf(attachmentId: number | string): PDFDocumentLoadingTask {
    return getDocument({
        url: attachmentContentUrl(attachmentId),
        withCredentials: true,
        disableRange: true,
        disableStream: true,
        disableAutoFetch: true,
        isEvalSupported: false,
        useWasm: false,
        enableXfa: false,
    });
}
