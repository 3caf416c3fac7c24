import type { EntityManager } from 'typeorm';
import { refundDestinationFor } from '../../../shared/domain';
import { addDays, type Policy } from '../../../shared/policy';
import { Refund, type Dispute, type Order } from '../entities';
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
