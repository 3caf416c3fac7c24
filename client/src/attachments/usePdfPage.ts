import { useEffect, useState, type RefObject } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

/**
 * Draws one page of the document into the canvas at `scale` (sharp on high-density screens) and
 * returns the number of the page drawn, or null while drawing; a newer page or zoom cancels the
 * drawing under way.
 */
export function usePdfPage(
    doc: PDFDocumentProxy | null,
    pageNumber: number,
    scale: number,
    canvas: RefObject<HTMLCanvasElement | null>,
    onError: (message: string) => void
): number | null {
    const [rendered, setRendered] = useState<number | null>(null);
    useEffect(() => {
        const target = canvas.current;
        if (!doc || !target) return;
        let task: RenderTask | null = null;
        let cancelled = false;
        setRendered(null);
        doc.getPage(pageNumber)
            .then((page) => {
                if (cancelled) return;
                const density = window.devicePixelRatio || 1;
                const viewport = page.getViewport({ scale: scale * density });
                target.width = Math.floor(viewport.width);
                target.height = Math.floor(viewport.height);
                target.style.width = `${Math.floor(viewport.width / density)}px`;
                target.style.height = `${Math.floor(viewport.height / density)}px`;
                task = page.render({ canvas: target, viewport });
                return task.promise.then(() => {
                    if (!cancelled) setRendered(pageNumber);
                });
            })
            .catch((error: Error) => {
                if (!cancelled && error.name !== 'RenderingCancelledException') onError(error.message);
            });
        return () => {
            cancelled = true;
            task?.cancel();
        };
    }, [doc, pageNumber, scale, canvas, onError]);
    return rendered;
}
