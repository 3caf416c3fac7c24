/** English strings of the "evidenceExtras" area (top-level key `evidence_extras`): the PDF viewer, the queue's reuse flag. */
export const enEvidenceExtras = {
    pdf: {
        title: '%{name}',
        loading: 'Opening the PDF…',
        error: 'This PDF cannot be shown here: %{error}. Open it in a new tab instead.',
        page: 'Page %{page} of %{pages}',
        previous: 'Previous page',
        next: 'Next page',
        zoom_in: 'Zoom in',
        zoom_out: 'Zoom out',
        zoom_reset: 'Actual size (%{percent}%)',
        open_tab: 'Open in a new tab',
        close: 'Close',
        canvas: 'Page %{page} of %{name}',
    },
    queue_reused: 'Evidence reused in dispute #%{dispute}',
    queue_reused_many: 'Evidence reused in disputes %{disputes}',
};
