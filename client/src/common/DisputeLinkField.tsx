import type { MouseEvent } from 'react';
import { Link, useCreatePath, useFieldValue, type FieldProps } from 'react-admin';

/** "#123" linking to the dispute's case file, without loading the dispute. */
export const DisputeLinkField = ({
    source = 'disputeId',
    ...props
}: Omit<FieldProps, 'source'> & { source?: string }) => {
    const id = useFieldValue({ source, ...props });
    const createPath = useCreatePath();
    if (id === null || id === undefined) return null;
    return (
        <Link
            to={createPath({ resource: 'disputes', id, type: 'show' })}
            onClick={(event: MouseEvent) => event.stopPropagation()}
            variant="body2"
        >
            #{id}
        </Link>
    );
};
