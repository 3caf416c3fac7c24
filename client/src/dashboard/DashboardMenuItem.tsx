import { Menu, useCanAccess } from 'react-admin';

/** "Dashboard" in the menu, for the roles that have one (the landing page shows it). */
export const DashboardMenuItem = () => {
    const { canAccess } = useCanAccess({ resource: 'dashboard', action: 'show' });
    return canAccess ? <Menu.DashboardItem primaryText="dashboard.menu" /> : null;
};
