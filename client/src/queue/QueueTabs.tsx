import { Box, Tab, Tabs } from '@mui/material';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined';
import {
    LinkBase,
    useCanAccess,
    useCreatePath,
    useGetIdentity,
    useGetList,
    useLocation,
    useTranslate,
} from 'react-admin';
import { WORKING_STATUSES } from '../../../shared/lifecycle';
import { useQueueCounts } from './useQueueCounts';

const Count = ({ value, active }: { value?: number; active: boolean }) =>
    value === undefined ? null : (
        <Box
            component="span"
            sx={{
                ml: 1,
                px: 0.75,
                minWidth: 22,
                borderRadius: 11,
                fontSize: 12,
                lineHeight: '20px',
                fontWeight: 600,
                textAlign: 'center',
                fontVariantNumeric: 'tabular-nums',
                bgcolor: active ? 'primary.main' : 'action.selected',
                color: active ? 'primary.contrastText' : 'text.secondary',
            }}
        >
            {value}
        </Box>
    );

/** "Queue" and "My cases": the two halves of a mediator's day, with their sizes. */
export const QueueTabs = () => {
    const translate = useTranslate();
    const createPath = useCreatePath();
    const { pathname } = useLocation();
    const { identity } = useGetIdentity();
    // Only those who may pick disputes up hold any (support staff do not).
    const { canAccess: holdsCases } = useCanAccess({ resource: 'disputes', action: 'pickup' });
    const queuePath = createPath({ resource: 'queue', type: 'list' });
    const minePath = `${queuePath}/mine`;
    const { data: counts } = useQueueCounts();
    const { total: mine } = useGetList(
        'disputes',
        {
            filter: { assigneeId: identity?.id, status: WORKING_STATUSES },
            pagination: { page: 1, perPage: 1 },
        },
        { enabled: identity?.id !== undefined && !!holdsCases }
    );
    const current = pathname.startsWith(minePath) ? minePath : queuePath;
    return (
        <Box sx={{ borderBottom: 1, borderColor: 'divider', mt: 1 }}>
            <Tabs value={current} aria-label={translate('resources.queue.title')}>
                <Tab
                    value={queuePath}
                    component={LinkBase}
                    to={queuePath}
                    icon={<InboxOutlinedIcon fontSize="small" />}
                    iconPosition="start"
                    label={
                        <Box component="span" sx={{ display: 'flex', alignItems: 'center' }}>
                            {translate('resources.queue.tabs.queue')}
                            <Count value={counts?.total} active={current === queuePath} />
                        </Box>
                    }
                    sx={{ minHeight: 44 }}
                    data-testid="tab-queue"
                />
                {holdsCases && (
                    <Tab
                        value={minePath}
                        component={LinkBase}
                        to={minePath}
                        icon={<AssignmentIndOutlinedIcon fontSize="small" />}
                        iconPosition="start"
                        label={
                            <Box component="span" sx={{ display: 'flex', alignItems: 'center' }}>
                                {translate('resources.queue.tabs.mine')}
                                <Count value={mine} active={current === minePath} />
                            </Box>
                        }
                        sx={{ minHeight: 44 }}
                        data-testid="tab-mine"
                    />
                )}
            </Tabs>
        </Box>
    );
};
