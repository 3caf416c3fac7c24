/** A supervisor blocks a buyer from opening disputes, or lifts the block; both audited with the reason. */
import type { EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/auditLog';
import { appendAudit } from '../audit/auditLog';
import { lockRow } from '../db/locks';
import { Buyer } from '../entities';
import { conflict, notFound } from '../http/HttpError';

const state = (buyer: Buyer) => ({
    blocked: buyer.blocked,
    blockReason: buyer.blockReason,
    blockedAt: buyer.blockedAt ?? null,
    blockedById: buyer.blockedById ?? null,
});

/** Blocks (`block = true`) or unblocks a buyer; 409 when it already is so. */
export async function setBlocked(
    manager: EntityManager,
    actor: AuditActor,
    buyerId: number,
    block: boolean,
    reason: string,
    now: Date
): Promise<void> {
    const buyer = await lockRow(manager, Buyer, buyerId);
    if (!buyer) throw notFound(`Buyer ${buyerId} does not exist`);
    if (buyer.blocked === block) {
        throw conflict(`Buyer ${buyer.externalId} is ${block ? 'already blocked' : 'not blocked'}`);
    }
    const changes = block
        ? { blocked: true, blockReason: reason, blockedAt: now, blockedById: actor.actorId }
        : { blocked: false, blockReason: null, blockedAt: null, blockedById: null };
    await manager.getRepository(Buyer).update({ id: buyerId }, changes);
    await appendAudit(
        manager,
        actor,
        {
            action: block ? 'buyer.block' : 'buyer.unblock',
            entity: 'buyer',
            entityId: buyerId,
            before: state(buyer),
            after: { ...changes, reason },
        },
        now
    );
}
