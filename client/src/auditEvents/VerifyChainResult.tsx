import { Alert, AlertTitle, Link } from '@mui/material';
import { Link as RouterLink, useCreatePath, useTranslate } from 'react-admin';
import type { AuditChainReport } from '../types';

/** Green with the count when the chain holds; red with the reason and a link to the first broken event when not. */
export const VerifyChainResult = ({ report }: { report: AuditChainReport }) => {
    const translate = useTranslate();
    const createPath = useCreatePath();
    if (report.ok) {
        return (
            <Alert severity="success" data-testid="verify-chain-result">
                {translate('resources.audit-events.verify.ok', { smart_count: report.checked })}
            </Alert>
        );
    }
    const id = report.firstBroken?.id;
    const reason = report.firstBroken?.reason;
    return (
        <Alert severity="error" variant="filled" data-testid="verify-chain-result">
            <AlertTitle>{translate('resources.audit-events.verify.broken', { id, reason })}</AlertTitle>
            {translate('resources.audit-events.verify.checked', { smart_count: report.checked })}
            {id != null && (
                <>
                    {' — '}
                    <Link
                        component={RouterLink}
                        to={createPath({ resource: 'audit-events', id, type: 'show' })}
                        color="inherit"
                        sx={{ fontWeight: 600 }}
                    >
                        {translate('resources.audit-events.verify.open_event', { id })}
                    </Link>
                </>
            )}
        </Alert>
    );
};
