/**
 * Who may do what: one table of role × resource × action, plus the rules that depend on the
 * record. The server enforces it on every /api route; the SPA uses the same function to hide
 * what a role may not use.
 */
import type { Role } from './domain';

export type Action =
    | 'list'
    | 'show'
    | 'create'
    | 'edit'
    | 'delete'
    | 'message'
    | 'note'
    | 'request_evidence'
    | 'review'
    | 'pickup'
    | 'release'
    | 'assign'
    | 'next'
    | 'rule'
    | 'approve'
    | 'reject'
    | 'overturn'
    | 'block'
    | 'reset_password'
    | 'verify'
    | 'replay'
    | 'download'
    | 'revoke_sessions'
    | 'cancel'
    | 'answer';

export type PermissionResource =
    | 'disputes'
    | 'queue'
    | 'orders'
    | 'buyers'
    | 'sellers'
    | 'messages'
    | 'offers'
    | 'attachments'
    | 'evidence-requests'
    | 'dispute-events'
    | 'decisions'
    | 'refunds'
    | 'audit-events'
    | 'staff'
    | 'staff-directory'
    | 'outbox-events'
    | 'webhook-deliveries'
    | 'dashboard'
    | 'qa-reviews'
    | 'mediator-quality'
    | 'sessions';

type Grants = Partial<Record<PermissionResource, readonly Action[]>>;

const READ = ['list', 'show'] as const;

const SUPPORT: Grants = {
    disputes: [...READ, 'message', 'note', 'request_evidence'],
    queue: ['list'],
    orders: READ,
    buyers: READ,
    sellers: READ,
    messages: READ,
    offers: READ,
    /** `create`: staff attach files to a dispute (POST /api/disputes/:id/attachments). */
    attachments: [...READ, 'download', 'create'],
    /** Whoever may request evidence may cancel a request (record rule below). */
    'evidence-requests': [...READ, 'cancel'],
    'dispute-events': READ,
    decisions: READ,
    refunds: READ,
    'staff-directory': READ,
    /** Everyone may end their own other sessions. */
    sessions: ['revoke_sessions'],
};

const MEDIATOR: Grants = {
    ...SUPPORT,
    disputes: [...SUPPORT.disputes!, 'pickup', 'release', 'rule'],
    queue: ['list', 'next'],
    attachments: [...SUPPORT.attachments!, 'review'],
};

const SUPERVISOR: Grants = {
    ...MEDIATOR,
    disputes: [...MEDIATOR.disputes!, 'assign', 'overturn'],
    decisions: [...READ, 'approve', 'reject', 'overturn'],
    buyers: [...READ, 'block'],
    staff: [...READ, 'create', 'edit', 'reset_password', 'revoke_sessions'],
    'audit-events': [...READ, 'verify'],
    'outbox-events': [...READ, 'replay'],
    'webhook-deliveries': READ,
    dashboard: ['show'],
    /** `create`: draw a random QA sample (POST /api/qa-samples); `answer`: one's own reviews only. */
    'qa-reviews': [...READ, 'create', 'answer'],
    'mediator-quality': ['list'],
};

export const PERMISSIONS: Record<Role, Grants> = {
    support: SUPPORT,
    mediator: MEDIATOR,
    supervisor: SUPERVISOR,
};

export interface AccessRequest {
    action: Action | string;
    resource: PermissionResource | string;
    /** The record acted on, when the rule depends on it. */
    record?: { assigneeId?: number | null; mediatorId?: number | null; reviewerId?: number | null } | null;
    /** Who is asking (for record rules). */
    staffId?: number;
}

/** Why a request is refused, or null when it is allowed. */
export function denialReason(role: Role | undefined, request: AccessRequest): string | null {
    if (!role) return 'Sign in first';
    const grants = PERMISSIONS[role]?.[request.resource as PermissionResource];
    if (!grants?.includes(request.action as Action)) {
        return `A ${role} may not ${request.action.replace('_', ' ')} ${request.resource}`;
    }
    const { record, staffId } = request;
    if (!record || staffId === undefined) return null;
    if (
        request.resource === 'disputes' &&
        role === 'mediator' &&
        (request.action === 'rule' || request.action === 'release') &&
        record.assigneeId !== staffId
    ) {
        return 'This dispute is not assigned to you';
    }
    // Evidence is asked for (and a request withdrawn) by support, a supervisor or the mediator
    // who holds the dispute; the record is the dispute.
    if (
        role === 'mediator' &&
        ((request.resource === 'disputes' && request.action === 'request_evidence') ||
            (request.resource === 'evidence-requests' && request.action === 'cancel')) &&
        record.assigneeId !== staffId
    ) {
        return 'This dispute is not assigned to you';
    }
    if (
        request.resource === 'decisions' &&
        (request.action === 'approve' || request.action === 'reject') &&
        record.mediatorId === staffId
    ) {
        return 'Nobody approves their own ruling';
    }
    if (request.resource === 'qa-reviews' && request.action === 'answer' && record.reviewerId !== staffId) {
        return 'This QA review belongs to another reviewer';
    }
    return null;
}

export function canAccess(role: Role | undefined, request: AccessRequest): boolean {
    return denialReason(role, request) === null;
}
