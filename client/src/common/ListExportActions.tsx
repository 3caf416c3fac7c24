import {
    CreateButton,
    FilterButton,
    TopToolbar,
    useFilterContext,
    useListContext,
    useResourceDefinition,
} from 'react-admin';
import { CsvExportButton } from './CsvExportButton';

/** A list's usual actions (filters when it has some, create when the resource has it) with the CSV export. */
export const ListExportActions = () => {
    const { hasCreate } = useResourceDefinition();
    const { resource } = useListContext();
    const filters = useFilterContext();
    return (
        <TopToolbar>
            {filters?.length ? <FilterButton /> : null}
            {hasCreate ? <CreateButton resource={resource} /> : null}
            <CsvExportButton />
        </TopToolbar>
    );
};
