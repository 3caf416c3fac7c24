import type { SxProps, Theme } from '@mui/material';

/**
 * Keeps every screen within the window from 1280 px up: flex children may shrink below their
 * content (min-width 0), filter forms wrap, and a table wider than its card scrolls inside the
 * card instead of widening the page.
 */
export const fitToWindow: SxProps<Theme> = {
    // react-admin's layout is at least as wide as its content (min-width: fit-content).
    minWidth: 0,
    '& .RaLayout-appFrame': { minWidth: 0 },
    '& .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
    '& .RaList-main, & .RaShow-main, & .RaEdit-main, & .RaCreate-main': { minWidth: 0 },
    '& .RaList-actions': { flexWrap: 'wrap' },
    '& .RaList-actions > form, & .RaFilterForm-root': { flexWrap: 'wrap', minWidth: 0 },
    '& .RaDataTable-tableWrapper, & .RaDatagrid-tableWrapper, & .RaReferenceManyField-root': {
        overflowX: 'auto',
    },
};
