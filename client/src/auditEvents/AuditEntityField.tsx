import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { AuditEvent } from '../types';

/** "staff #12": what the event is about. */
export const AuditEntityField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext<AuditEvent>();
    if (!record) return null;
    return (
        <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
            {record.entity}
            {record.entityId != null && (
                <Typography component="span" variant="body2" color="text.secondary">
                    {` #${record.entityId}`}
                </Typography>
            )}
        </Typography>
    );
};
