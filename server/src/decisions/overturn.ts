/**
 * A supervisor overturns an issued ruling: it stays in the history as overturned, and the dispute
 * is reviewed again. Takes the caller's transaction, like every ruling step.
 */
import { In, type EntityManager } from 'typeorm';
import type { Policy } from '../../../shared/policy';
import type { AuditEntry } from '../audit/auditLog';
import type { DisputeActor } from '../disputes/disputeActor';
import { applyTransition, assertAllowed } from '../disputes/recorder';
import { startSla } from '../disputes/slaClock';
import { Decision, Order, Refund, Staff, type Dispute } from '../entities';
import { conflict } from '../http/HttpError';
import type { OutboxMessage } from '../outbox/outbox';
import { decisionAudit, outcomeCounters } from './issuing';

/**
 * A supervisor overturns an issued ruling: the ruling is kept as overturned, its outcome counters
 * are taken back, and the dispute returns to review with the same mediator (to the queue when
 * that mediator is no longer active), with a fresh review SLA; both parties are told.
 */
export async function overturn(
    manager: EntityManager,
    policy: Policy,
    locked: { decision: Decision; dispute: Dispute },
    reason: string,
    actor: DisputeActor,
    now: Date
): Promise<Decision> {
    const { decision } = locked;
    let { dispute } = locked;
    if (decision.status !== 'issued') {
        throw conflict(
            `Decision #${decision.id} is ${decision.status}; only an issued ruling can be overturned`
        );
    }
    assertAllowed(dispute, 'overturn', actor);
    const order = await manager.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
    const mediator = await manager.getRepository(Staff).findOneBy({ id: decision.mediatorId });
    const backTo = mediator?.active ? mediator.id : null;
    // Whether it goes back to review or to the queue follows from who holds it (the transitions table).
    dispute = Object.assign(dispute, { assigneeId: backTo });

    await manager
        .getRepository(Decision)
        .update(
            { id: decision.id },
            { status: 'overturned', overturnReason: reason, overturnedById: actor.staffId }
        );
    const overturned = Object.assign(decision, { status: 'overturned', overturnReason: reason } as const);
    // A refund of the overturned ruling not paid yet must not be: the next ruling decides the money.
    const cancelled = await cancelUnpaidRefunds(manager, dispute, order, decision, now);
    await applyTransition(manager, dispute, 'overturn', actor, {
        changes: {
            assigneeId: backTo,
            assignedAt: backTo ? now : null,
            decidedAt: null,
            closedAt: null,
            resolution: null,
            refundOverdueAt: null,
            ...startSla(now, policy),
        },
        note: reason,
        details: { decisionId: decision.id, backTo, cancelledRefundIds: cancelled.ids },
        counters: outcomeCounters(dispute, decision.outcome, -1),
        recordAudits: [decisionAudit(overturned, 'overturned', { status: 'issued' }), ...cancelled.audits],
        outbox: [
            ...cancelled.events,
            {
                type: 'dispute.overturned',
                disputeId: dispute.id,
                audience: null,
                payload: {
                    disputeId: dispute.id,
                    orderExternalId: order.externalId,
                    decisionId: decision.id,
                    overturnedAt: now.toISOString(),
                },
            },
        ],
        at: now,
    });
    return manager.getRepository(Decision).findOneByOrFail({ id: decision.id });
}

/** Cancels the refunds of a ruling that were requested and not paid yet; a paid one stays paid. */
async function cancelUnpaidRefunds(
    manager: EntityManager,
    dispute: Dispute,
    order: Order,
    decision: Decision,
    now: Date
): Promise<{ ids: number[]; audits: AuditEntry[]; events: OutboxMessage[] }> {
    const unpaid = await manager
        .getRepository(Refund)
        .findBy({ decisionId: decision.id, status: 'requested' });
    if (unpaid.length === 0) return { ids: [], audits: [], events: [] };
    const ids = unpaid.map((refund) => refund.id);
    await manager.getRepository(Refund).update({ id: In(ids), status: 'requested' }, { status: 'cancelled' });
    return {
        ids,
        audits: unpaid.map((refund) => ({
            action: 'refund.cancelled',
            entity: 'refund',
            entityId: refund.id,
            before: { status: 'requested' },
            after: { status: 'cancelled', decisionId: decision.id },
        })),
        events: unpaid.map((refund) => ({
            type: 'refund.cancelled' as const,
            disputeId: dispute.id,
            audience: null,
            payload: {
                refundId: refund.id,
                disputeId: dispute.id,
                orderExternalId: order.externalId,
                amount: refund.amount,
                currency: refund.currency,
                cancelledAt: now.toISOString(),
            },
        })),
    };
}
