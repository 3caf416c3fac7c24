import type { DataSource } from 'typeorm';
import type { DisputeStatus } from '../../shared/domain';
import { Buyer, Dispute, Order, Seller, Staff } from '../../server/src/entities';
import { daysFromNow, fakeSha256, nextSequence, plusDays, stamp } from './factoryBasics';

/** Statuses a dispute reaches only after it was escalated: it has escalatedAt and an SLA. */
const ESCALATED_STATUSES: readonly DisputeStatus[] = [
    'escalated',
    'in_review',
    'awaiting_evidence',
    'pending_approval',
    'decided',
    'closed',
];

export async function buildBuyer(ds: DataSource, overrides: Partial<Buyer> = {}): Promise<Buyer> {
    const n = nextSequence();
    return ds.getRepository(Buyer).save({
        externalId: `buyer-${n}`,
        name: `Buyer ${n}`,
        country: 'DE',
        ordersCount: 3,
        disputesCount: 1,
        disputesWonCount: 0,
        penaltyCount: 0,
        rating: 90,
        flagged: false,
        flagReason: null,
        blocked: false,
        blockReason: null,
        createdAt: stamp(),
        ...overrides,
    });
}

export async function buildSeller(ds: DataSource, overrides: Partial<Seller> = {}): Promise<Seller> {
    const n = nextSequence();
    return ds.getRepository(Seller).save({
        externalId: `seller-${n}`,
        storeName: `Store ${n}`,
        country: 'CN',
        positiveFeedbackPermille: 950,
        ordersCount: 100,
        disputesCount: 2,
        disputesLostCount: 1,
        createdAt: stamp(),
        ...overrides,
    });
}

export async function buildStaff(ds: DataSource, overrides: Partial<Staff> = {}): Promise<Staff> {
    const n = nextSequence();
    return ds.getRepository(Staff).save({
        email: `staff${n}@test.example`,
        fullName: `Staff ${n}`,
        role: 'mediator',
        // Shaped like a real hash so that a leak would be recognisable.
        passwordHash: `scrypt$32768$8$1$${fakeSha256(`salt-${n}`)}$${fakeSha256(`key-${n}`)}`,
        active: true,
        createdAt: stamp(),
        ...overrides,
    });
}

export interface OrderOverrides extends Partial<Order> {
    buyer?: Buyer;
    seller?: Seller;
}

export async function buildOrder(ds: DataSource, overrides: OrderOverrides = {}): Promise<Order> {
    const { buyer: givenBuyer, seller: givenSeller, ...fields } = overrides;
    const buyer = givenBuyer ?? (fields.buyerId ? undefined : await buildBuyer(ds));
    const seller = givenSeller ?? (fields.sellerId ? undefined : await buildSeller(ds));
    const n = nextSequence();
    const quantity = fields.quantity ?? 1;
    const unitPrice = fields.unitPrice ?? 2500;
    const shippedAt = fields.shippedAt ?? daysFromNow(-20);
    return ds.getRepository(Order).save({
        externalId: `order-${n}`,
        buyerId: buyer?.id,
        sellerId: seller?.id,
        productTitle: `Product ${n}`,
        quantity,
        unitPrice,
        total: quantity * unitPrice,
        currency: 'USD',
        paymentMethod: 'card',
        shippedAt,
        trackingNumber: `TRK${String(n).padStart(8, '0')}`,
        completedAt: null,
        protectionEndsAt: plusDays(shippedAt, 60),
        createdAt: plusDays(shippedAt, -2),
        ...fields,
    });
}

export interface DisputeOverrides extends Partial<Dispute> {
    order?: Order;
    buyer?: Buyer;
    seller?: Seller;
}

/**
 * A dispute with its order and parties (built unless given). Defaults are relative to TEST_NOW;
 * a dispute that went through escalation gets escalatedAt and an SLA of +7 d / +60 d.
 */
export async function buildDispute(ds: DataSource, overrides: DisputeOverrides = {}): Promise<Dispute> {
    const { order: givenOrder, buyer, seller, ...fields } = overrides;
    const order = givenOrder ?? (await buildOrder(ds, { buyer, seller }));
    const status = fields.status ?? 'opened';
    const openedAt = fields.openedAt ?? daysFromNow(-5);
    const escalated = ESCALATED_STATUSES.includes(status);
    const escalatedAt = escalated ? (fields.escalatedAt ?? daysFromNow(-1)) : null;
    const decided = status === 'decided' || status === 'closed';
    return ds.getRepository(Dispute).save({
        orderId: order.id,
        buyerId: order.buyerId,
        sellerId: order.sellerId,
        goodsReceived: true,
        reason: 'not_as_described',
        requestedSolution: 'full_refund_keep',
        requestedAmount: order.total,
        currency: order.currency,
        description: `The item does not match the listing of ${order.productTitle}`,
        status,
        resolution: status === 'resolved' ? 'agreement' : status === 'withdrawn' ? 'withdrawn' : null,
        openedAt,
        sellerRespondedAt: status === 'opened' ? null : plusDays(openedAt, 1),
        escalatedAt,
        decidedAt: decided ? daysFromNow(-0.5) : null,
        closedAt: status === 'closed' ? daysFromNow(-0.25) : null,
        assigneeId: null,
        assignedAt: null,
        slaDueAt: escalatedAt && plusDays(escalatedAt, 7),
        slaHardDueAt: escalatedAt && plusDays(escalatedAt, 60),
        slaPausedAt: null,
        offerAccepted: false,
        reopenCount: 0,
        version: 1,
        createdAt: openedAt,
        updatedAt: openedAt,
        ...fields,
    });
}
