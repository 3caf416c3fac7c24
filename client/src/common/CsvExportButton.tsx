import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, useListContext } from 'react-admin';
import { staffTimeZone } from './exactTime';

/** The list's own export URL: the same filters (the list's fixed scope included) and sort; times in the staff member's zone. */
export function exportUrl(
    resource: string,
    filter: Record<string, unknown>,
    sort: { field: string; order: string }
): string {
    const query = new URLSearchParams({
        filter: JSON.stringify(filter),
        sort: JSON.stringify([sort.field, sort.order]),
        tz: staffTimeZone(),
    });
    return `/api/${resource}/export.csv?${query.toString()}`;
}

/**
 * Downloads every record of the list as CSV, streamed by the server (never the current page
 * only, never the whole list in the browser).
 */
export const CsvExportButton = () => {
    const { resource, filterValues, filter, sort, total, isPending } = useListContext();
    const href = exportUrl(resource, { ...filterValues, ...filter }, sort);
    return (
        <Button
            component="a"
            href={href}
            download
            label="csv_export.label"
            disabled={isPending || total === 0}
        >
            <DownloadIcon />
        </Button>
    );
};
