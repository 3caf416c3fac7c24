import { useCanAccess } from 'react-admin';
import { allowedActions } from '../../../shared/lifecycle';
import type { Dispute } from '../types';

export interface DisputePermissions {
    pickUp: boolean;
    release: boolean;
    assign: boolean;
}

/** authProvider.canAccess on this dispute (record rules included: a mediator releases only their own). */
function useMayOnDispute(action: 'pickup' | 'release' | 'assign', record: Dispute | undefined): boolean {
    const { canAccess } = useCanAccess({
        resource: 'disputes',
        action,
        record,
        // react-admin caches the answer per record id; the holder is part of the question.
        meta: { assigneeId: record?.assigneeId, status: record?.status },
    });
    return !!canAccess;
}

/**
 * Which hand-over actions to offer on a dispute: the role may (authProvider.canAccess with the
 * record), and the dispute's state allows it (shared/lifecycle.ts).
 */
export function useDisputePermissions(record: Dispute | undefined): DisputePermissions {
    const mayPickUp = useMayOnDispute('pickup', record);
    const mayRelease = useMayOnDispute('release', record);
    const mayAssign = useMayOnDispute('assign', record);
    if (!record) return { pickUp: false, release: false, assign: false };
    const allowed = allowedActions(record.status, 'staff');
    const held = record.assigneeId !== null;
    return {
        pickUp: mayPickUp && allowed.includes('pickup') && !held,
        release: mayRelease && allowed.includes('release') && held,
        assign: mayAssign && allowed.includes('assign'),
    };
}
