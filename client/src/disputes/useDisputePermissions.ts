import { useCanAccess } from 'react-admin';
import { allowedActions } from '../../../shared/lifecycle';
import type { Dispute } from '../types';

export type HandOverAction = 'pickup' | 'release' | 'assign';

export interface DisputePermissions {
    pickUp: boolean;
    release: boolean;
    assign: boolean;
}

/** Whether the dispute's holder allows the action: pick up a free one, release a held one. */
const HOLDER_ALLOWS: Record<HandOverAction, (held: boolean) => boolean> = {
    pickup: (held) => !held,
    release: (held) => held,
    assign: () => true,
};

/**
 * Whether to offer one hand-over action on a dispute: the role may (authProvider.canAccess with the
 * record, record rules included: a mediator releases only their own), and the dispute's state
 * allows it (shared/lifecycle.ts). One question per button: a queue page asks it of every row.
 */
export function useMayHandOver(action: HandOverAction, record: Dispute | undefined): boolean {
    const { canAccess } = useCanAccess({
        resource: 'disputes',
        action,
        record,
        // react-admin caches the answer per record id; the holder is part of the question.
        meta: { assigneeId: record?.assigneeId, status: record?.status },
    });
    if (!record || !canAccess) return false;
    return (
        allowedActions(record.status, 'staff').includes(action) &&
        HOLDER_ALLOWS[action](record.assigneeId !== null)
    );
}

/** Which hand-over actions to offer on a dispute (see useMayHandOver). */
export function useDisputePermissions(record: Dispute | undefined): DisputePermissions {
    return {
        pickUp: useMayHandOver('pickup', record),
        release: useMayHandOver('release', record),
        assign: useMayHandOver('assign', record),
    };
}
