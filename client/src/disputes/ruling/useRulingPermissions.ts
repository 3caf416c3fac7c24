import { useCanAccess } from 'react-admin';
import { allowedActions } from '../../../../shared/lifecycle';
import type { Decision, Dispute } from '../../types';

/** May the signed-in staff member rule on this dispute now (assigned mediator or supervisor, in review)? */
export function useMayRule(dispute: Dispute | undefined): boolean {
    const { canAccess } = useCanAccess({
        resource: 'disputes',
        action: 'rule',
        record: dispute,
        meta: { assigneeId: dispute?.assigneeId, status: dispute?.status },
    });
    return !!canAccess && !!dispute && allowedActions(dispute.status, 'staff').includes('rule');
}

/** A supervisor's answers to a ruling: never on their own ruling (record rule), only in the right state. */
export function useDecisionPermissions(decision: Decision | undefined, dispute: Dispute | undefined) {
    const ask = (action: 'approve' | 'reject' | 'overturn') => ({
        resource: 'decisions',
        action,
        record: decision,
        meta: { mediatorId: decision?.mediatorId, status: decision?.status },
    });
    const approve = useCanAccess(ask('approve')).canAccess;
    const reject = useCanAccess(ask('reject')).canAccess;
    const overturn = useCanAccess(ask('overturn')).canAccess;
    const waiting = decision?.status === 'pending_approval';
    const standing =
        decision?.status === 'issued' && (dispute?.status === 'decided' || dispute?.status === 'closed');
    return {
        approve: !!approve && waiting,
        reject: !!reject && waiting,
        overturn: !!overturn && standing,
    };
}
