import { Badge } from '@mui/material';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { Menu, useCanAccess, useGetList, useTranslate } from 'react-admin';

/** The supervisors' approval queue in the menu, with how many rulings wait. */
export const ApprovalQueueMenuItem = () => {
    const translate = useTranslate();
    const { canAccess } = useCanAccess({ resource: 'decisions', action: 'approve' });
    const { total } = useGetList(
        'decisions',
        {
            filter: { status: 'pending_approval' },
            pagination: { page: 1, perPage: 1 },
            sort: { field: 'createdAt', order: 'ASC' },
        },
        { enabled: !!canAccess, refetchInterval: 60_000 }
    );
    if (!canAccess) return null;
    return (
        <Menu.Item
            to="/decisions/approvals"
            primaryText={translate('resources.decisions.approvals.menu')}
            leftIcon={
                <Badge badgeContent={total ?? 0} color="warning" max={99}>
                    <FactCheckOutlinedIcon />
                </Badge>
            }
            data-testid="menu-approvals"
        />
    );
};
