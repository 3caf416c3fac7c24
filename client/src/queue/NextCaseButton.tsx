import { useCallback } from 'react';
import { Button, Tooltip } from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useMutation } from '@tanstack/react-query';
import {
    useCanAccess,
    useCreatePath,
    useDataProvider,
    useNavigate,
    useNotify,
    useRefresh,
    useTranslate,
} from 'react-admin';
import type { DisputeDeskDataProvider } from '../dataProvider';
import type { QueueFilter } from '../disputeWorkflow';
import { useCacheDispute } from '../disputes/useCacheDispute';
import { KeyHint } from '../shortcuts/KeyHint';
import { useShortcut } from '../shortcuts/useShortcut';

const SHORTCUT = 'n';

/**
 * Takes the most urgent dispute of the queue that matches `filter` (POST /api/queue/next) and opens
 * its case file. Mediators and supervisors only; shortcut: N.
 */
export const NextCaseButton = ({ filter = {} }: { filter?: QueueFilter }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const navigate = useNavigate();
    const createPath = useCreatePath();
    const dataProvider = useDataProvider<DisputeDeskDataProvider>();
    const cacheDispute = useCacheDispute();
    const { canAccess } = useCanAccess({ resource: 'queue', action: 'next' });
    const { mutate, isPending } = useMutation({
        mutationFn: () => dataProvider.nextCase(filter),
        onSuccess: (dispute) => {
            refresh();
            if (!dispute) {
                notify('resources.queue.notifications.no_match', { type: 'info' });
                return;
            }
            cacheDispute(dispute);
            notify('resources.queue.notifications.taken', {
                type: 'success',
                messageArgs: { id: dispute.id },
            });
            navigate(createPath({ resource: 'disputes', id: dispute.id, type: 'show' }));
        },
        onError: (error: Error) => notify(error.message, { type: 'error' }),
    });
    const takeNext = useCallback(() => {
        if (!isPending) mutate();
    }, [isPending, mutate]);
    useShortcut(SHORTCUT, takeNext, !!canAccess, 'shortcuts.actions.next_case', 'list');
    if (!canAccess) return null;
    return (
        <Tooltip title={translate('resources.queue.next_case_hint')} arrow describeChild>
            <Button
                variant="contained"
                size="large"
                color="primary"
                startIcon={<PlayArrowIcon />}
                onClick={takeNext}
                loading={isPending}
                loadingPosition="start"
                aria-keyshortcuts={SHORTCUT.toUpperCase()}
                data-testid="next-case"
                sx={{ whiteSpace: 'nowrap', px: 2.5 }}
            >
                {translate('resources.queue.actions.next_case')}
                <KeyHint shortcut={SHORTCUT} />
            </Button>
        </Tooltip>
    );
};
