import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { OpenDisputeInput } from '../../../shared/schemas/integration';
import { addDays, type Policy } from '../../../shared/policy';
import { FINAL_STATUSES } from '../../../shared/lifecycle';
import { forUpdate } from '../db/locks';
import { Buyer, Dispute, Order, Seller } from '../entities';
import { unprocessable } from '../http/HttpError';
import type { DisputeActor } from './disputeActor';
import { recordOpening } from './recorder';
import { raiseOrdersCounts, refreshBuyer } from '../parties/ratings';

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

/** The money facts of an order: a dispute's snapshot may not contradict the order it names. */
const MONEY_FACTS = ['total', 'currency', 'quantity', 'unitPrice'] as const;

async function upsertParties(manager: EntityManager, input: OpenDisputeInput, now: Date) {
    // The marketplace's order counts move the rate after the opening is counted (parties/ratings.ts).
    const { externalId, name, country } = input.buyer;
    const buyer = await upsert(manager, Buyer, { externalId, name, country, createdAt: now }, [
        'name',
        'country',
    ]);
    const { storeName } = input.seller;
    const seller = await upsert(
        manager,
        Seller,
        { externalId: input.seller.externalId, storeName, country: input.seller.country, createdAt: now },
        ['storeName', 'country']
    );
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
    const existing = await forUpdate(
        manager
            .getRepository(Order)
            .createQueryBuilder('o')
            .where('o.externalId = :externalId', { externalId: input.order.externalId })
    ).getOne();
    if (existing && (await manager.getRepository(Dispute).existsBy({ orderId: existing.id }))) {
        const contradicted = MONEY_FACTS.filter((field) => existing[field] !== snapshot[field]);
        if (contradicted.length > 0) {
            throw unprocessable(
                `Order ${existing.externalId} already has disputes; its ${contradicted.join(', ')} ` +
                    `cannot change (the snapshot says otherwise)`,
                Object.fromEntries(
                    contradicted.map((field) => [`order.${field}`, `must stay ${String(existing[field])}`])
                )
            );
        }
    }
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

/** The windows in which a buyer may open a dispute on an order (numbers in shared/policy.ts). */
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

/** What a dispute that starts over (opened or reopened) holds: no outcome, no holder, no SLA. */
export const FRESH_DISPUTE_STATE = {
    resolution: null,
    sellerRespondedAt: null,
    escalatedAt: null,
    decidedAt: null,
    closedAt: null,
    assigneeId: null,
    assignedAt: null,
    slaDueAt: null,
    slaHardDueAt: null,
    slaPausedAt: null,
    slaTargetBreachedAt: null,
    slaHardBreachedAt: null,
    refundOverdueAt: null,
} satisfies Partial<Dispute>;

/** Opens a dispute on an order snapshot sent by the marketplace (parties and order upserted). */
export async function openDispute(
    manager: EntityManager,
    policy: Policy,
    input: OpenDisputeInput,
    actor: DisputeActor,
    now: Date
): Promise<number> {
    const newOrder = !(await manager.getRepository(Order).existsBy({ externalId: input.order.externalId }));
    const { buyer, seller, order } = await upsertParties(manager, input, now);
    checkOpeningWindow(policy, order, buyer, now);
    await assertNoOtherOpenDispute(manager, order);
    const { claim } = input;
    const id = await recordOpening(
        manager,
        {
            ...FRESH_DISPUTE_STATE,
            orderId: order.id,
            buyerId: buyer.id,
            sellerId: seller.id,
            goodsReceived: claim.goodsReceived,
            reason: claim.reason,
            requestedSolution: claim.requestedSolution,
            requestedAmount: claim.requestedAmount,
            currency: order.currency,
            description: claim.description,
            openedAt: now,
            offerAccepted: false,
            reopenCount: 0,
        },
        actor,
        {
            details: {
                orderExternalId: order.externalId,
                buyerExternalId: buyer.externalId,
                sellerExternalId: seller.externalId,
                reason: claim.reason,
                requestedAmount: claim.requestedAmount,
                currency: order.currency,
            },
            counters: [
                { entity: Buyer, id: buyer.id, column: 'disputesCount', by: 1 },
                { entity: Seller, id: seller.id, column: 'disputesCount', by: 1 },
                // An order the desk has not seen counts, unless the marketplace sent the party's count.
                ...(newOrder && input.buyer.ordersCount === undefined
                    ? [{ entity: Buyer, id: buyer.id, column: 'ordersCount' as const, by: 1 }]
                    : []),
                ...(newOrder && input.seller.ordersCount === undefined
                    ? [{ entity: Seller, id: seller.id, column: 'ordersCount' as const, by: 1 }]
                    : []),
            ],
            at: now,
        }
    );
    await raiseOrdersCounts(manager, { buyerId: buyer.id, sellerId: seller.id }, input);
    // The recent disputes and the frequent-disputer flag, which the next ruling's four-eyes reads.
    await refreshBuyer(manager, policy, buyer.id, now);
    return id;
}
