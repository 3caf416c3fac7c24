import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { OpenDisputeInput } from '../../../shared/schemas/integration';
import { addDays, type Policy } from '../../../shared/policy';
import type { AppContext } from '../appContext';
import { appendAudit } from '../audit/auditLog';
import { Buyer, Dispute, DisputeEvent, Order, Seller } from '../entities';
import { unprocessable } from '../http/HttpError';
import type { DisputeActor } from '../disputes/disputeActor';
import { assertNoOtherOpenDispute } from './partyRules';
import { disputeView } from './views';

/**
 * INSERT … ON CONFLICT (externalId) DO UPDATE of the given columns, then the row. On PostgreSQL
 * the row stays locked until commit, so that concurrent openings on one order take turns.
 */
async function upsert<T extends Buyer | Seller | Order>(
    manager: EntityManager,
    entity: new () => T,
    values: QueryDeepPartialEntity<T> & { externalId: string },
    overwrite: (keyof T & string)[]
): Promise<T> {
    await manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(values)
        .orUpdate(overwrite, ['externalId'])
        .execute();
    return manager.getRepository(entity).findOneByOrFail({ externalId: values.externalId } as never);
}

const date = (value: string | null) => (value === null ? null : new Date(value));

async function upsertParties(manager: EntityManager, input: OpenDisputeInput, now: Date) {
    const buyer = await upsert(manager, Buyer, { ...input.buyer, createdAt: now }, ['name', 'country']);
    const seller = await upsert(manager, Seller, { ...input.seller, createdAt: now }, [
        'storeName',
        'country',
    ]);
    const snapshot = {
        productTitle: input.order.productTitle,
        quantity: input.order.quantity,
        unitPrice: input.order.unitPrice,
        total: input.order.total,
        currency: input.order.currency,
        paymentMethod: input.order.paymentMethod,
        shippedAt: date(input.order.shippedAt),
        trackingNumber: input.order.trackingNumber,
        completedAt: date(input.order.completedAt),
        protectionEndsAt: new Date(input.order.protectionEndsAt),
    };
    const order = await upsert(
        manager,
        Order,
        {
            externalId: input.order.externalId,
            buyerId: buyer.id,
            sellerId: seller.id,
            createdAt: now,
            ...snapshot,
        },
        Object.keys(snapshot) as (keyof Order & string)[]
    );
    if (order.buyerId !== buyer.id || order.sellerId !== seller.id) {
        const who = order.buyerId !== buyer.id ? 'buyer' : 'seller';
        throw unprocessable(`Order ${order.externalId} belongs to another ${who}`, {
            [`${who}.externalId`]: `is not the ${who} of order ${order.externalId}`,
        });
    }
    return { buyer, seller, order };
}

/** The windows of DESIGN.md in which a buyer may open a dispute on an order. */
export function checkOpeningWindow(policy: Policy, order: Order, buyer: Buyer, now: Date): void {
    if (buyer.blocked) {
        throw unprocessable(
            `Buyer ${buyer.externalId} is blocked from opening disputes` +
                (buyer.blockReason ? `: ${buyer.blockReason}` : '')
        );
    }
    const afterShipment = policy.openAfterShipmentDays;
    if (!order.shippedAt || !order.trackingNumber) {
        throw unprocessable(
            `Order ${order.externalId} has not shipped with a tracking number; a dispute can be opened ` +
                `from ${afterShipment} days after shipment`,
            {
                [order.shippedAt ? 'order.trackingNumber' : 'order.shippedAt']:
                    'is required to open a dispute',
            }
        );
    }
    const earliest = addDays(order.shippedAt, afterShipment);
    if (now < earliest) {
        throw unprocessable(
            `Too early: a dispute on order ${order.externalId} can be opened from ${earliest.toISOString()}, ` +
                `${afterShipment} days after shipment`
        );
    }
    if (order.completedAt) {
        const latest = addDays(order.completedAt, policy.openBeforeCompletionDays);
        if (now > latest) {
            throw unprocessable(
                `Too late: order ${order.externalId} was completed on ${order.completedAt.toISOString()}; ` +
                    `a dispute could be opened until ${latest.toISOString()}, ` +
                    `${policy.openBeforeCompletionDays} days after completion`
            );
        }
    }
    if (now >= order.protectionEndsAt) {
        throw unprocessable(
            `The protection of order ${order.externalId} expired on ${order.protectionEndsAt.toISOString()}`
        );
    }
}

/** Opens a dispute on an order snapshot sent by the marketplace (parties and order upserted). */
export async function openDispute(
    context: AppContext,
    manager: EntityManager,
    input: OpenDisputeInput,
    actor: DisputeActor
) {
    const now = context.clock.now();
    const { buyer, seller, order } = await upsertParties(manager, input, now);
    checkOpeningWindow(context.config.policy, order, buyer, now);
    await assertNoOtherOpenDispute(manager, order);
    const { claim } = input;
    const result = await manager.getRepository(Dispute).insert({
        orderId: order.id,
        buyerId: buyer.id,
        sellerId: seller.id,
        goodsReceived: claim.goodsReceived,
        reason: claim.reason,
        requestedSolution: claim.requestedSolution,
        requestedAmount: claim.requestedAmount,
        currency: order.currency,
        description: claim.description,
        status: 'opened',
        resolution: null,
        openedAt: now,
        offerAccepted: false,
        reopenCount: 0,
        version: 1,
        createdAt: now,
        updatedAt: now,
    });
    const id = Number(result.identifiers[0].id);
    await manager.increment(Buyer, { id: buyer.id }, 'disputesCount', 1);
    await manager.increment(Seller, { id: seller.id }, 'disputesCount', 1);
    await manager.getRepository(DisputeEvent).insert({
        disputeId: id,
        action: 'open',
        fromStatus: null,
        toStatus: 'opened',
        actorKind: actor.kind,
        actorStaffId: null,
        note: null,
        occurredAt: now,
    });
    await appendAudit(
        manager,
        actor.audit,
        {
            action: 'dispute.open',
            entity: 'dispute',
            entityId: id,
            before: null,
            after: {
                status: 'opened',
                orderExternalId: order.externalId,
                buyerExternalId: buyer.externalId,
                sellerExternalId: seller.externalId,
                reason: claim.reason,
                requestedAmount: claim.requestedAmount,
                currency: order.currency,
            },
        },
        now
    );
    return disputeView(manager, id);
}
