/**
 * Issuing a ruling, in the caller's one transaction: the decision, the dispute's state through the
 * transitions table, the refund (or the wait for the return), the parties' outcome counters, the
 * audit events and the outbox events to buyer and seller. A failure at any step rolls all of it back.
 */
import type { EntityManager } from 'typeorm';
import { OUTCOME_COUNTERS, type Outcome } from '../../../shared/domain';
import type { Policy } from '../../../shared/policy';
import { Buyer, Decision, Seller, type Dispute, type Order } from '../entities';
import type { DisputeActor } from '../disputes/disputeActor';
import { applyTransition, type CounterChange } from '../disputes/recorder';
import { decidedEvents, closedEvent } from '../disputes/outcomeEvents';
import { requestRefund } from '../refunds/refunds';

/** The steps of issuing, in order; a fault may be injected after each (tests only). */
export const ISSUING_STEPS = ['decision', 'refund', 'dispute', 'close'] as const;
export type IssuingStep = (typeof ISSUING_STEPS)[number];

let faultAfter: IssuingStep | null = null;

/** Test seam: makes issuing throw right after `step`, to prove nothing of it is left behind. */
export function injectIssuingFault(step: IssuingStep | null): void {
    faultAfter = step;
}

function reached(step: IssuingStep): void {
    if (faultAfter === step) throw new Error(`Injected fault after the issuing step "${step}"`);
}

/** The outcome counters of both parties, moved by `by` (+1 on issuing, -1 on an overturn). */
export function outcomeCounters(dispute: Dispute, outcome: Outcome, by: number): CounterChange[] {
    const counters = OUTCOME_COUNTERS[outcome];
    return [
        { entity: Buyer, id: dispute.buyerId, column: counters.buyer, by },
        { entity: Seller, id: dispute.sellerId, column: counters.seller, by },
    ];
}

export function decisionAudit(decision: Decision, action: string, before: Record<string, unknown> | null) {
    return {
        action: `decision.${action}`,
        entity: 'decision',
        entityId: decision.id,
        before,
        after: {
            status: decision.status,
            disputeId: decision.disputeId,
            refundAmount: decision.refundAmount,
            currency: decision.currency,
            outcome: decision.outcome,
            returnRequired: decision.returnRequired,
            approverId: decision.approverId,
            supersedesId: decision.supersedesId,
        },
    };
}

export interface Issuing {
    dispute: Dispute;
    order: Order;
    decision: Decision;
    /** `rule` for a ruling below the threshold, `approve` for one a supervisor approved. */
    action: 'rule' | 'approve';
    actor: DisputeActor;
    note?: string | null;
    at: Date;
}

/**
 * Issues a ruling: decided, with its refund requested (or waiting for the return's tracking
 * number when the goods must come back first); a ruling of no refund closes the dispute at once.
 */
export async function issueRuling(
    manager: EntityManager,
    policy: Policy,
    issuing: Issuing
): Promise<Dispute> {
    const { order, actor, at } = issuing;
    const before = { status: issuing.decision.status };
    const decision = Object.assign(issuing.decision, { status: 'issued', issuedAt: at } as const);
    await manager.getRepository(Decision).update(
        { id: decision.id },
        {
            status: decision.status,
            issuedAt: at,
            approverId: decision.approverId,
            approvedAt: decision.approvedAt,
            approvalComment: decision.approvalComment,
        }
    );
    reached('decision');

    const outbox = decidedEvents(issuing.dispute, order, decision, at);
    let refundId: number | null = null;
    if (decision.refundAmount > 0 && !decision.returnRequired) {
        const requested = await requestRefund(manager, policy, {
            dispute: issuing.dispute,
            order,
            amount: decision.refundAmount,
            decisionId: decision.id,
            at,
        });
        refundId = requested.refund.id;
        outbox.push(requested.event);
    }
    reached('refund');

    let dispute = await applyTransition(manager, issuing.dispute, issuing.action, actor, {
        changes: { decidedAt: at, resolution: 'ruling', refundOverdueAt: null },
        note: issuing.note ?? null,
        details: {
            decisionId: decision.id,
            outcome: decision.outcome,
            refundAmount: decision.refundAmount,
            currency: decision.currency,
            returnRequired: decision.returnRequired,
            refundId,
        },
        outbox,
        counters: outcomeCounters(issuing.dispute, decision.outcome, 1),
        recordAudits: [decisionAudit(decision, 'issued', before)],
        at,
    });
    reached('dispute');

    if (decision.outcome === 'no_refund') {
        dispute = await applyTransition(manager, dispute, 'close', actor, {
            changes: { closedAt: at },
            note: 'A ruling of no refund closes the dispute at once',
            details: { decisionId: decision.id },
            outbox: [closedEvent(dispute, order, decision.outcome, at)],
            at,
        });
    }
    reached('close');
    return dispute;
}
