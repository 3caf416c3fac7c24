import type { MouseEvent } from 'react';
import { Typography } from '@mui/material';
import { Link, useCanAccess, useCreatePath, useRecordContext, type FieldProps } from 'react-admin';

export interface RecordLinkFieldProps extends FieldProps {
    source: string;
    /** Resource the link goes to. */
    reference: string;
    /** Field holding the id of the referenced record, e.g. `buyerId`. */
    idSource: string;
}

/**
 * A name already on the row (`buyerName`), linked to the record it names: no extra request. Plain
 * text for a role that may not open that record (a support user sees a mediator's name, no link).
 */
export const RecordLinkField = ({
    source,
    reference,
    idSource,
    emptyText = '—',
    ...props
}: RecordLinkFieldProps) => {
    const record = useRecordContext(props);
    const createPath = useCreatePath();
    const { canAccess } = useCanAccess({ resource: reference, action: 'show' });
    const id = record?.[idSource];
    if (id === null || id === undefined) {
        return (
            <Typography component="span" variant="body2" color="text.secondary">
                {emptyText}
            </Typography>
        );
    }
    if (!canAccess) {
        return (
            <Typography component="span" variant="body2">
                {record?.[source] ?? `#${id}`}
            </Typography>
        );
    }
    return (
        <Link
            to={createPath({ resource: reference, id, type: 'show' })}
            onClick={(event: MouseEvent) => event.stopPropagation()}
            variant="body2"
        >
            {record?.[source] ?? `#${id}`}
        </Link>
    );
};
