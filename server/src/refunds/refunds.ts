/**
 * Refunds of dispute outcomes: requested by every outcome where money moves (a ruling, a return
 * shipped, an agreement, a seller's silence), completed by the marketplace, flagged when overdue.
 */
import type { EntityManager } from 'typeorm';
import { refundDestinationFor } from '../../../shared/domain';
import { addDays, type Policy } from '../../../shared/policy';
import type { RefundCompletedInput, ReturnShippedInput } from '../../../shared/schemas/rulings';
import { refundStats } from '../dashboard/disputeStats';
import { lockRow } from '../db/locks';
import { closedEvent } from '../disputes/outcomeEvents';
import { systemActor, type DisputeActor } from '../disputes/disputeActor';
import { applyTransition, lockDispute, recordEvent } from '../disputes/recorder';
import { Decision, Order, Refund, type Dispute } from '../entities';
import { conflict, notFound } from '../http/HttpError';
import type { OutboxMessage } from '../outbox/outbox';

/**
 * Creates the refund of a dispute's outcome, always to the order's original payment method, due
 * within the policy's limit; returns it with the `refund.requested` event for the caller's
 * recorder call, so that the refund, the dispute's change and the event are one transaction.
 */
export async function requestRefund(
    manager: EntityManager,
    policy: Policy,
    refund: { dispute: Dispute; order: Order; amount: number; decisionId: number | null; at: Date }
): Promise<{ refund: Refund; event: OutboxMessage }> {
    const { dispute, order, at } = refund;
    const saved = await manager.getRepository(Refund).save({
        disputeId: dispute.id,
        decisionId: refund.decisionId,
        amount: refund.amount,
        currency: order.currency,
        destination: refundDestinationFor(order.paymentMethod),
        status: 'requested',
        requestedAt: at,
        dueBy: addDays(at, policy.refundMaxDays),
        completedAt: null,
        createdAt: at,
    });
    await refundStats(manager, 'requested', saved, at);
    const event: OutboxMessage = {
        type: 'refund.requested',
        disputeId: dispute.id,
        audience: null,
        payload: {
            refundId: saved.id,
            disputeId: dispute.id,
            orderExternalId: order.externalId,
            amount: saved.amount,
            currency: saved.currency,
            destination: saved.destination,
            dueBy: saved.dueBy.toISOString(),
        },
    };
    return { refund: saved, event };
}

/**
 * The buyer shipped the goods back, as the ruling ordered: the tracking number goes on the ruling
 * and the refund it waited for is requested now.
 */
export async function returnShipped(
    manager: EntityManager,
    policy: Policy,
    disputeId: number,
    input: ReturnShippedInput,
    actor: DisputeActor,
    now: Date
): Promise<Refund> {
    const dispute = await lockDispute(manager, disputeId);
    const decision = await manager
        .getRepository(Decision)
        .findOne({ where: { disputeId, status: 'issued' }, order: { id: 'DESC' } });
    if (dispute.status !== 'decided' || !decision?.returnRequired) {
        throw conflict(`Dispute ${disputeId} is not waiting for a return (it is ${dispute.status})`);
    }
    if (decision.returnShippedAt) {
        throw conflict(
            `The return of dispute ${disputeId} was already reported (tracking ${decision.returnTrackingNumber})`
        );
    }
    await manager.getRepository(Decision).update(
        { id: decision.id },
        {
            returnTrackingNumber: input.trackingNumber,
            returnCarrier: input.carrier ?? null,
            returnShippedAt: now,
        }
    );
    const order = await manager.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
    const { refund, event } = await requestRefund(manager, policy, {
        dispute,
        order,
        amount: decision.refundAmount,
        decisionId: decision.id,
        at: now,
    });
    await recordEvent(manager, dispute, 'return_shipped', actor, {
        note: `Return shipped${input.carrier ? ` with ${input.carrier}` : ''}, tracking ${input.trackingNumber}`,
        details: { decisionId: decision.id, trackingNumber: input.trackingNumber, refundId: refund.id },
        outbox: [event],
        at: now,
    });
    return refund;
}

/** Loads and locks a refund and its dispute; 404 naming the refund. */
async function lockRefund(manager: EntityManager, id: number): Promise<{ refund: Refund; dispute: Dispute }> {
    const found = await manager.getRepository(Refund).findOneBy({ id });
    if (!found) throw notFound(`Refund #${id} does not exist`);
    const dispute = await lockDispute(manager, found.disputeId);
    return { refund: (await lockRow(manager, Refund, id))!, dispute };
}

/**
 * The payment provider paid the refund: completed, and a decided dispute closes (`dispute.closed`).
 * Completing a completed refund changes nothing (the marketplace may say it twice).
 */
export async function completeRefund(
    manager: EntityManager,
    refundId: number,
    input: RefundCompletedInput,
    actor: DisputeActor,
    now: Date
): Promise<Refund> {
    const { refund, dispute } = await lockRefund(manager, refundId);
    if (refund.status === 'completed') return refund;
    if (refund.status !== 'requested') {
        throw conflict(`Refund #${refundId} is ${refund.status}; only a requested refund can be completed`);
    }
    await manager
        .getRepository(Refund)
        .update(
            { id: refundId },
            { status: 'completed', completedAt: now, reference: input.reference ?? null }
        );
    await refundStats(manager, 'paid', refund, now);
    const details = {
        refundId,
        amount: refund.amount,
        currency: refund.currency,
        reference: input.reference ?? null,
    };
    const recordAudits = [
        {
            action: 'refund.completed',
            entity: 'refund',
            entityId: refundId,
            before: { status: refund.status },
            after: { status: 'completed', completedAt: now, reference: input.reference ?? null },
        },
    ];
    if (dispute.status === 'decided') {
        const order = await manager.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
        const decision = refund.decisionId
            ? await manager.getRepository(Decision).findOneBy({ id: refund.decisionId })
            : null;
        await applyTransition(manager, dispute, 'refund_completed', actor, {
            changes: { closedAt: now },
            note: 'The refund was paid: the dispute is closed',
            details,
            recordAudits,
            outbox: [closedEvent(dispute, order, decision?.outcome ?? null, now)],
            at: now,
        });
    } else {
        await recordEvent(manager, dispute, 'refund_paid', actor, { details, recordAudits, at: now });
    }
    return manager.getRepository(Refund).findOneByOrFail({ id: refundId });
}

/** Flags a refund still open past its due date, on the refund and on its dispute, once. */
export async function flagOverdueRefund(
    manager: EntityManager,
    refundId: number,
    now: Date
): Promise<boolean> {
    const { refund, dispute } = await lockRefund(manager, refundId);
    const overdue =
        refund.status === 'requested' &&
        refund.overdueAt === null &&
        new Date(refund.dueBy).getTime() <= now.getTime();
    if (!overdue) return false;
    await manager.getRepository(Refund).update({ id: refundId }, { overdueAt: now });
    await refundStats(manager, 'overdue', refund, now);
    await recordEvent(manager, dispute, 'refund_overdue', systemActor, {
        changes: { refundOverdueAt: now },
        note: `Refund #${refundId} is still not paid, due by ${new Date(refund.dueBy).toISOString()}`,
        details: { refundId, dueBy: refund.dueBy },
        at: now,
    });
    return true;
}
