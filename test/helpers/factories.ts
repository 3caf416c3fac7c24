import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DisputeStatus } from '../../shared/domain';
import {
    Attachment,
    AuditEvent,
    Buyer,
    Decision,
    Dispute,
    DisputeEvent,
    EvidenceRequest,
    Message,
    Offer,
    Order,
    Refund,
    Seller,
    Staff,
} from '../../server/src/entities';
import { TEST_NOW } from './testApp';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** TEST_NOW moved by this many days (negative: in the past). */
export function daysFromNow(days: number): Date {
    return new Date(TEST_NOW.getTime() + days * DAY);
}

export function plusDays(date: Date, days: number): Date {
    return new Date(date.getTime() + days * DAY);
}

let sequence = 0;

/** A number unique within the test file, for external ids, emails and names. */
export function nextSequence(): number {
    return ++sequence;
}

/** A creation time a day before TEST_NOW, one second later for every record built. */
function stamp(): Date {
    return new Date(TEST_NOW.getTime() - DAY + nextSequence() * 1000);
}

function fakeSha256(seed: string): string {
    return createHash('sha256').update(seed).digest('hex');
}

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
        failedLoginCount: 0,
        lockedUntil: null,
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

async function disputeIdOf(ds: DataSource, disputeId: number | undefined): Promise<number> {
    return disputeId ?? (await buildDispute(ds, { status: 'escalated' })).id;
}

export async function buildMessage(ds: DataSource, overrides: Partial<Message> = {}): Promise<Message> {
    return ds.getRepository(Message).save({
        authorKind: 'buyer',
        authorStaffId: null,
        visibility: 'both',
        body: `Message ${nextSequence()}`,
        createdAt: stamp(),
        ...overrides,
        disputeId: await disputeIdOf(ds, overrides.disputeId),
    });
}

export async function buildOffer(ds: DataSource, overrides: Partial<Offer> = {}): Promise<Offer> {
    return ds.getRepository(Offer).save({
        party: 'seller',
        solution: 'partial_refund_keep',
        amount: 1000,
        currency: 'USD',
        note: null,
        status: 'pending',
        respondedAt: null,
        createdAt: stamp(),
        ...overrides,
        disputeId: await disputeIdOf(ds, overrides.disputeId),
    });
}

export async function buildAttachment(
    ds: DataSource,
    overrides: Partial<Attachment> = {}
): Promise<Attachment> {
    const n = nextSequence();
    return ds.getRepository(Attachment).save({
        uploadedBy: 'buyer',
        uploaderStaffId: null,
        kind: 'image',
        fileName: `photo-${n}.jpg`,
        mimeType: 'image/jpeg',
        size: 10_000 + n,
        sha256: fakeSha256(`attachment-${n}`),
        storageKey: `test/${n}`,
        reviewStatus: 'pending',
        reviewerId: null,
        reviewNote: null,
        reviewedAt: null,
        createdAt: stamp(),
        ...overrides,
        disputeId: await disputeIdOf(ds, overrides.disputeId),
    });
}

export async function buildEvidenceRequest(
    ds: DataSource,
    overrides: Partial<EvidenceRequest> = {}
): Promise<EvidenceRequest> {
    const createdAt = overrides.createdAt ?? stamp();
    return ds.getRepository(EvidenceRequest).save({
        requestedFrom: 'buyer',
        requestedById: null,
        message: `Please send photos of the item (${nextSequence()})`,
        dueAt: new Date(createdAt.getTime() + 72 * HOUR),
        status: 'open',
        buyerAnswered: false,
        sellerAnswered: false,
        fulfilledAt: null,
        createdAt,
        ...overrides,
        disputeId: await disputeIdOf(ds, overrides.disputeId),
    });
}

export async function buildDecision(ds: DataSource, overrides: Partial<Decision> = {}): Promise<Decision> {
    const createdAt = overrides.createdAt ?? stamp();
    const disputeId = overrides.disputeId ?? (await buildDispute(ds, { status: 'decided' })).id;
    const mediatorId = overrides.mediatorId ?? (await buildStaff(ds, { role: 'mediator' })).id;
    return ds.getRepository(Decision).save({
        refundAmount: 1000,
        currency: 'USD',
        outcome: 'partial_refund',
        returnRequired: false,
        returnShippingPaidBy: null,
        rationaleBuyer: 'The photos show the defect.',
        rationaleSeller: 'The buyer documented the defect; a partial refund is fair.',
        evidenceIds: [],
        status: 'issued',
        approverId: null,
        approvedAt: null,
        issuedAt: createdAt,
        createdAt,
        ...overrides,
        disputeId,
        mediatorId,
    });
}

export async function buildRefund(ds: DataSource, overrides: Partial<Refund> = {}): Promise<Refund> {
    const requestedAt = overrides.requestedAt ?? stamp();
    return ds.getRepository(Refund).save({
        decisionId: null,
        amount: 1000,
        currency: 'USD',
        destination: 'card',
        status: 'requested',
        requestedAt,
        dueBy: plusDays(requestedAt, 15),
        completedAt: null,
        createdAt: requestedAt,
        ...overrides,
        disputeId: await disputeIdOf(ds, overrides.disputeId),
    });
}

export async function buildDisputeEvent(
    ds: DataSource,
    overrides: Partial<DisputeEvent> = {}
): Promise<DisputeEvent> {
    return ds.getRepository(DisputeEvent).save({
        action: 'escalate',
        fromStatus: 'negotiating',
        toStatus: 'escalated',
        actorKind: 'buyer',
        actorStaffId: null,
        note: null,
        occurredAt: stamp(),
        ...overrides,
        disputeId: await disputeIdOf(ds, overrides.disputeId),
    });
}

/** An audit row written straight to the table, with placeholder hashes (no chain). */
export async function buildAuditEvent(
    ds: DataSource,
    overrides: Partial<AuditEvent> = {}
): Promise<AuditEvent> {
    const n = nextSequence();
    return ds.getRepository(AuditEvent).save({
        occurredAt: stamp(),
        actorId: null,
        actorRole: 'system',
        action: 'dispute.escalate',
        entity: 'dispute',
        entityId: String(n),
        before: { status: 'negotiating' },
        after: { status: 'escalated' },
        requestId: `req-${n}`,
        ip: '203.0.113.7',
        outcome: 'success',
        prevHash: fakeSha256(`prev-${n}`),
        hash: fakeSha256(`hash-${n}`),
        ...overrides,
    });
}
