import { Loading, Navigate, usePermissions, useResourceDefinitions } from 'react-admin';
import type { Role } from '../../../shared/domain';

/** Where each role starts its day: mediators and supervisors on the queue, support on the dispute list. */
const LANDING: Record<Role, string> = {
    support: 'disputes',
    mediator: 'queue',
    supervisor: 'queue',
};

export const Landing = () => {
    const { permissions, isPending } = usePermissions<Role>();
    const resources = useResourceDefinitions();
    if (isPending) return <Loading />;
    const preferred = permissions ? LANDING[permissions] : undefined;
    const target = preferred && resources[preferred]?.hasList ? preferred : 'disputes';
    return <Navigate to={`/${target}`} replace />;
};
