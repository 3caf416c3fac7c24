import { Alert, Button } from '@mui/material';
import { useGetOne, useRefresh, useTranslate } from 'react-admin';
import type { DisputeChangedEvent } from '../../../shared/live';

/**
 * Someone else changed the dispute on screen. "Reload" refetches what the page shows; the forms
 * keep their drafts (they live in component state, which a refetch leaves alone).
 */
export const DisputeChangedBanner = ({
    change,
    onDone,
}: {
    change: DisputeChangedEvent;
    onDone: () => void;
}) => {
    const translate = useTranslate();
    const refresh = useRefresh();
    const actorId = change.actorStaffId;
    const { data: actor } = useGetOne<{ id: number; fullName: string }>(
        'staff-directory',
        { id: actorId ?? 0 },
        { enabled: actorId !== null }
    );
    const args = {
        name: actor?.fullName ?? '',
        what: translate(`enums.disputeAction.${change.kind}`, { _: change.kind }),
        status: translate(`enums.disputeStatus.${change.status}`),
    };
    return (
        <Alert
            severity="warning"
            role="alert"
            data-testid="dispute-changed"
            // Stays in sight while the user scrolls down to the form they are typing in.
            sx={{ position: 'sticky', top: 8, zIndex: (theme) => theme.zIndex.appBar - 1, boxShadow: 3 }}
            action={
                <>
                    <Button color="inherit" size="small" onClick={onDone}>
                        {translate('live.changed.dismiss')}
                    </Button>
                    <Button
                        color="inherit"
                        size="small"
                        variant="outlined"
                        onClick={() => {
                            refresh();
                            onDone();
                        }}
                    >
                        {translate('live.changed.reload')}
                    </Button>
                </>
            }
        >
            {translate(actor ? 'live.changed.by' : 'live.changed.by_someone', args)}{' '}
            {translate('live.changed.kept')}
        </Alert>
    );
};
