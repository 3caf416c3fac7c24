/**
 * What the clock does to a dispute: the seller's silence, the automatic escalation, the SLA's
 * breaches and evidence deadlines. Each takes the caller's transaction (a leased job is the edge)
 * and re-checks, on the locked row, that the deadline still applies; false when it no longer does.
 */
import { In, type EntityManager } from 'typeorm';
import { SLA_STATUSES } from '../../../shared/lifecycle';
import { addDays, type Policy } from '../../../shared/policy';
import { EvidenceRequest, Order, type Dispute } from '../entities';
import { requestRefund } from '../refunds/refunds';
import { resolvedEvent } from './outcomeEvents';
import { systemActor } from './disputeActor';
import { applyTransition, lockDispute, recordEvent } from './recorder';
import { resumeSla, startSla } from './slaClock';

/** Opened disputes whose seller has not answered by now are resolved in the buyer's favour. */
export function sellerResponseCutoff(now: Date, policy: Policy): Date {
    return addDays(now, -policy.sellerResponseDays);
}

export function escalationCutoff(now: Date, policy: Policy): Date {
    return addDays(now, -policy.autoEscalationDays);
}

export function isSellerSilent(dispute: Dispute, now: Date, policy: Policy): boolean {
    return (
        dispute.status === 'opened' &&
        dispute.sellerRespondedAt === null &&
        new Date(dispute.openedAt).getTime() <= sellerResponseCutoff(now, policy).getTime()
    );
}

/** No agreement in time; a dispute whose seller never answered times out instead. */
function isEscalationDue(dispute: Dispute, now: Date, policy: Policy): boolean {
    return (
        (dispute.status === 'opened' || dispute.status === 'negotiating') &&
        new Date(dispute.openedAt).getTime() <= escalationCutoff(now, policy).getTime() &&
        !isSellerSilent(dispute, now, policy)
    );
}

/** The seller stayed silent: resolved, full refund of the order to the original payment method. */
export async function timeOutSeller(manager: EntityManager, policy: Policy, id: number, now: Date) {
    const dispute = await lockDispute(manager, id);
    if (!isSellerSilent(dispute, now, policy)) return false;
    const order = await manager.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
    const { refund, event } = await requestRefund(manager, policy, {
        dispute,
        order,
        amount: order.total,
        decisionId: null,
        at: now,
    });
    await applyTransition(manager, dispute, 'seller_timeout', systemActor, {
        changes: { resolution: 'seller_timeout', closedAt: now },
        note: `The seller did not answer within ${policy.sellerResponseDays} days: full refund to the buyer`,
        details: {
            resolution: 'seller_timeout',
            refundId: refund.id,
            refundAmount: refund.amount,
            currency: refund.currency,
            destination: refund.destination,
        },
        outbox: [event, resolvedEvent(dispute, order, 'seller_timeout', refund, now)],
        at: now,
    });
    return true;
}

/** No agreement within the policy's days: the dispute goes to the platform's queue. */
export async function autoEscalate(manager: EntityManager, policy: Policy, id: number, now: Date) {
    const dispute = await lockDispute(manager, id);
    if (!isEscalationDue(dispute, now, policy)) return false;
    await applyTransition(manager, dispute, 'auto_escalate', systemActor, {
        changes: { escalatedAt: now, ...startSla(now, policy) },
        note: `No agreement ${policy.autoEscalationDays} days after opening: escalated to the platform`,
        at: now,
    });
    return true;
}

/** The two SLA deadlines: which due date, which flag, which timeline event. */
export const SLA_DEADLINES = {
    target: { due: 'slaDueAt', flag: 'slaTargetBreachedAt', event: 'sla_target_breached' },
    hardLimit: { due: 'slaHardDueAt', flag: 'slaHardBreachedAt', event: 'sla_hard_limit_breached' },
} as const;
export type SlaDeadline = (typeof SLA_DEADLINES)[keyof typeof SLA_DEADLINES];

/** Flags a breach of the review SLA once; a paused SLA is never breached. */
export async function flagSlaBreach(manager: EntityManager, deadline: SlaDeadline, id: number, now: Date) {
    const dispute = await lockDispute(manager, id);
    const due = dispute[deadline.due];
    const breached =
        SLA_STATUSES.includes(dispute.status) &&
        dispute.slaPausedAt === null &&
        due !== null &&
        new Date(due).getTime() <= now.getTime() &&
        dispute[deadline.flag] === null;
    if (!breached) return false;
    await recordEvent(manager, dispute, deadline.event, systemActor, {
        changes: { [deadline.flag]: now },
        details: { [deadline.due]: due, [deadline.flag]: now },
        at: now,
    });
    return true;
}

/**
 * Expires the dispute's open evidence requests that are past due; when none is left open, the
 * dispute goes back to review (or to the queue) and its SLA clock runs again.
 */
export async function expireEvidence(manager: EntityManager, disputeId: number, now: Date) {
    const dispute = await lockDispute(manager, disputeId);
    const requests = manager.getRepository(EvidenceRequest);
    const open = await requests.find({ where: { disputeId, status: 'open' }, order: { id: 'ASC' } });
    const due = open.filter((request) => new Date(request.dueAt).getTime() <= now.getTime());
    if (due.length === 0) return false;
    await requests.update({ id: In(due.map((r) => r.id)), status: 'open' }, { status: 'expired' });
    const expiredRequestIds = due.map((r) => r.id);
    const recordAudits = due.map((request) => ({
        action: 'evidence_request.expired',
        entity: 'evidence_request',
        entityId: request.id,
        before: { status: 'open', disputeId, requestedFrom: request.requestedFrom, dueAt: request.dueAt },
        after: { status: 'expired' },
    }));
    if (due.length === open.length && dispute.status === 'awaiting_evidence') {
        await applyTransition(manager, dispute, 'evidence_expired', systemActor, {
            changes: resumeSla(dispute, now),
            note: 'The evidence deadline passed: the ruling rests on what is on file',
            details: { expiredRequestIds },
            recordAudits,
            at: now,
        });
    } else {
        await recordEvent(manager, dispute, 'evidence_request_expired', systemActor, {
            note: 'An evidence deadline passed; other requests are still open',
            details: { expiredRequestIds },
            recordAudits,
            at: now,
        });
    }
    return true;
}
