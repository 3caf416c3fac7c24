/**
 * The dispute lifecycle as one table: which action may move a dispute from which
 * states, to which state, and who takes it. The server enforces it for every transition.
 */
import type { DisputeStatus } from './domain';

/** Who takes an action: a party through the marketplace, a staff member, or the scheduler. */
export type ActorKind = 'buyer' | 'seller' | 'staff' | 'system';

export type DisputeAction =
    | 'seller_respond'
    | 'seller_offer'
    | 'accept_offer'
    | 'reject_offer'
    | 'seller_timeout'
    | 'escalate'
    | 'auto_escalate'
    | 'pickup'
    | 'assign'
    | 'release'
    | 'request_evidence'
    | 'evidence_complete'
    | 'evidence_expired'
    | 'rule'
    | 'rule_four_eyes'
    | 'approve'
    | 'reject'
    | 'refund_completed'
    | 'close'
    | 'overturn'
    | 'withdraw'
    | 'reopen';

export interface Transition {
    from: readonly DisputeStatus[];
    /**
     * `review_or_queue`: back to review when someone holds the dispute, else to the queue;
     * `held`: in review, unless a party still owes evidence.
     */
    to: DisputeStatus | 'review_or_queue' | 'held';
    by: readonly ActorKind[];
}

const BEFORE_DECIDED: DisputeStatus[] = [
    'opened',
    'negotiating',
    'escalated',
    'in_review',
    'awaiting_evidence',
    'pending_approval',
];

export const TRANSITIONS: Record<DisputeAction, Transition> = {
    seller_respond: { from: ['opened'], to: 'negotiating', by: ['seller'] },
    seller_offer: { from: ['opened', 'negotiating'], to: 'negotiating', by: ['seller'] },
    accept_offer: { from: ['negotiating'], to: 'resolved', by: ['buyer'] },
    reject_offer: { from: ['negotiating'], to: 'negotiating', by: ['buyer'] },
    seller_timeout: { from: ['opened'], to: 'resolved', by: ['system'] },
    escalate: { from: ['negotiating'], to: 'escalated', by: ['buyer'] },
    auto_escalate: { from: ['opened', 'negotiating'], to: 'escalated', by: ['system'] },
    pickup: { from: ['escalated'], to: 'in_review', by: ['staff'] },
    assign: { from: ['escalated', 'in_review', 'awaiting_evidence'], to: 'held', by: ['staff'] },
    release: { from: ['in_review'], to: 'escalated', by: ['staff'] },
    request_evidence: {
        from: ['escalated', 'in_review', 'awaiting_evidence'],
        to: 'awaiting_evidence',
        by: ['staff'],
    },
    /** Back to review when someone holds the dispute, else back to the queue. */
    evidence_complete: {
        from: ['awaiting_evidence'],
        to: 'review_or_queue',
        by: ['buyer', 'seller', 'staff'],
    },
    evidence_expired: { from: ['awaiting_evidence'], to: 'review_or_queue', by: ['system'] },
    rule: { from: ['in_review'], to: 'decided', by: ['staff'] },
    rule_four_eyes: { from: ['in_review'], to: 'pending_approval', by: ['staff'] },
    approve: { from: ['pending_approval'], to: 'decided', by: ['staff'] },
    reject: { from: ['pending_approval'], to: 'in_review', by: ['staff'] },
    refund_completed: { from: ['decided'], to: 'closed', by: ['seller', 'system'] },
    /** A ruling of no refund closes at once. */
    close: { from: ['decided'], to: 'closed', by: ['staff', 'system'] },
    /** Back to review with the mediator who ruled, or to the queue when nobody holds it. */
    overturn: { from: ['decided', 'closed'], to: 'review_or_queue', by: ['staff'] },
    withdraw: { from: BEFORE_DECIDED, to: 'withdrawn', by: ['buyer'] },
    reopen: { from: ['resolved', 'withdrawn'], to: 'opened', by: ['buyer'] },
};

/** The actions a given kind of actor may take on a dispute in this state. */
export function allowedActions(status: DisputeStatus, by?: ActorKind): DisputeAction[] {
    return (Object.keys(TRANSITIONS) as DisputeAction[]).filter(
        (action) => TRANSITIONS[action].from.includes(status) && (!by || TRANSITIONS[action].by.includes(by))
    );
}

/** The state a dispute reaches, or null when the action is not allowed in its state. */
export function nextStatus(
    action: DisputeAction,
    dispute: { status: DisputeStatus; assigneeId: number | null }
): DisputeStatus | null {
    const transition = TRANSITIONS[action];
    if (!transition.from.includes(dispute.status)) return null;
    if (transition.to === 'held')
        return dispute.status === 'awaiting_evidence' ? dispute.status : 'in_review';
    if (transition.to === 'review_or_queue') return dispute.assigneeId ? 'in_review' : 'escalated';
    return transition.to;
}

/** Statuses in which a dispute counts against a mediator's caseload. */
export const HELD_STATUSES: readonly DisputeStatus[] = ['in_review', 'awaiting_evidence'];

/** Statuses from which the buyer or the marketplace can no longer change the outcome. */
export const FINAL_STATUSES: readonly DisputeStatus[] = ['decided', 'closed', 'resolved', 'withdrawn'];

/** Statuses of a case someone is working on, a ruling awaiting approval included ("My cases"). */
export const WORKING_STATUSES: readonly DisputeStatus[] = [
    'in_review',
    'awaiting_evidence',
    'pending_approval',
];

/** Statuses in which the platform-review SLA runs: from escalation until a ruling. */
export const SLA_STATUSES: readonly DisputeStatus[] = ['escalated', ...WORKING_STATUSES];

/** Events on a dispute's timeline that are not moves through the transitions table. */
export const DISPUTE_EVENT_KINDS = [
    'open',
    'sla_target_breached',
    'sla_hard_limit_breached',
    'evidence_request_expired',
    'evidence_request_fulfilled',
    'evidence_request_cancelled',
    'evidence_reminder',
    'party_message',
    'staff_message',
    'attachment_added',
    'attachment_reviewed',
    'return_shipped',
    'refund_paid',
    'refund_overdue',
] as const;
export type DisputeEventKind = (typeof DISPUTE_EVENT_KINDS)[number];
