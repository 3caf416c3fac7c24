import { lazy, Suspense } from 'react';
import { Loading, Navigate, usePermissions, useResourceDefinitions } from 'react-admin';
import type { Role } from '../../../shared/domain';
import { canAccess } from '../../../shared/permissions';

/** Loaded only for the roles that have a dashboard: the other roles' first screen ships no charts. */
const SupervisorDashboard = lazy(() => import('../dashboard/SupervisorDashboard'));

/** Where each role starts its day (supervisors: on the dashboard, below): mediators on the queue, support on the dispute list. */
const LANDING: Record<Role, string> = {
    support: 'disputes',
    mediator: 'queue',
    supervisor: 'queue',
};

export const Landing = () => {
    const { permissions, isPending } = usePermissions<Role>();
    const resources = useResourceDefinitions();
    if (isPending) return <Loading />;
    if (canAccess(permissions, { resource: 'dashboard', action: 'show' })) {
        return (
            <Suspense fallback={<Loading />}>
                <SupervisorDashboard />
            </Suspense>
        );
    }
    const preferred = permissions ? LANDING[permissions] : undefined;
    const target = preferred && resources[preferred]?.hasList ? preferred : 'disputes';
    return <Navigate to={`/${target}`} replace />;
};
