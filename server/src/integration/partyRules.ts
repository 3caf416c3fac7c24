import type { EntityManager } from 'typeorm';
import { FINAL_STATUSES } from '../../../shared/lifecycle';
import { dbKind } from '../db/dbKind';
import { Dispute, Order } from '../entities';
import { unprocessable } from '../http/HttpError';

/** Loads a dispute's order, locking its row on PostgreSQL (openings on the order lock it too). */
export async function lockOrder(manager: EntityManager, id: number): Promise<Order> {
    const qb = manager.getRepository(Order).createQueryBuilder('o').where('o.id = :id', { id });
    if (dbKind === 'postgres') qb.setLock('pessimistic_write');
    return qb.getOneOrFail();
}

/**
 * An order has at most one dispute that is not final, and none at all once the buyer accepted
 * the seller's offer on it. `exceptId`: the dispute being reopened.
 */
export async function assertNoOtherOpenDispute(
    manager: EntityManager,
    order: Order,
    exceptId?: number
): Promise<void> {
    const others = (await manager.getRepository(Dispute).findBy({ orderId: order.id })).filter(
        (d) => d.id !== exceptId
    );
    const open = others.find((d) => !FINAL_STATUSES.includes(d.status));
    if (open) {
        throw unprocessable(
            `Order ${order.externalId} already has an open dispute (${open.id}, ${open.status})`
        );
    }
    const agreed = others.find((d) => d.offerAccepted);
    if (agreed) {
        throw unprocessable(
            `Order ${order.externalId} cannot be disputed again: the buyer accepted the seller's offer ` +
                `on dispute ${agreed.id}`
        );
    }
}
