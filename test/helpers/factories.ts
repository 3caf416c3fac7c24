import type { DataSource } from 'typeorm';
import {
    Attachment,
    AuditEvent,
    Decision,
    DisputeEvent,
    EvidenceRequest,
    Message,
    Offer,
    Refund,
} from '../../server/src/entities';
import { fakeSha256, HOUR, nextSequence, plusDays, stamp } from './factoryBasics';
import { buildDispute, buildStaff } from './partyFactories';

/**
 * Test data factories: each builds one saved record with sensible defaults relative to TEST_NOW,
 * overridable field by field, and builds what it belongs to when not given.
 */
export * from './factoryBasics';
export * from './partyFactories';

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
