/**
 * Evidence requests: staff ask the buyer, the seller or both for evidence by a deadline; the
 * dispute waits for it with its SLA clock stopped, until every open request is fulfilled, has
 * expired or is cancelled. Each operation takes the caller's transaction and a locked dispute.
 */
import { IsNull, type EntityManager } from 'typeorm';
import type { EvidenceRequestTarget, Party } from '../../../shared/domain';
import type { Policy } from '../../../shared/policy';
import type { EvidenceRequestInput } from '../../../shared/schemas/evidence';
import { systemActor, type DisputeActor } from '../disputes/disputeActor';
import { applyTransition, lockDispute, recordEvent } from '../disputes/recorder';
import { pauseSla, resumeSla } from '../disputes/slaClock';
import { lockRow } from '../db/locks';
import { Buyer, EvidenceRequest, Order, Seller, type Dispute } from '../entities';
import { conflict, notFound } from '../http/HttpError';
import type { OutboxMessage } from '../outbox/outbox';

const HOUR_MS = 3_600_000;

/** The parties a request asks. */
export function partiesAsked(from: EvidenceRequestTarget): Party[] {
    return from === 'both' ? ['buyer', 'seller'] : [from];
}

/** Whether `party` still owes an answer to an open request. */
export function partyOwes(request: EvidenceRequest, party: Party): boolean {
    if (!partiesAsked(request.requestedFrom).includes(party)) return false;
    return party === 'buyer' ? !request.buyerAnswered : !request.sellerAnswered;
}

/**
 * The event that tells one party what is asked of them: the dispute, their order and its
 * product, the request's own text and the deadline. Nothing else of the dispute (no internal
 * note, no other party's words) is in it.
 */
export async function evidenceEvent(
    tx: EntityManager,
    type: 'evidence.requested' | 'evidence.reminder',
    dispute: Dispute,
    request: EvidenceRequest,
    party: Party
): Promise<OutboxMessage> {
    const order = await tx.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
    const partyRow =
        party === 'buyer'
            ? await tx.getRepository(Buyer).findOneByOrFail({ id: dispute.buyerId })
            : await tx.getRepository(Seller).findOneByOrFail({ id: dispute.sellerId });
    return {
        type,
        disputeId: dispute.id,
        audience: party,
        payload: {
            disputeId: dispute.id,
            evidenceRequestId: request.id,
            party,
            partyExternalId: partyRow.externalId,
            order: { externalId: order.externalId, productTitle: order.productTitle },
            asked: request.message,
            dueAt: new Date(request.dueAt).toISOString(),
        },
    };
}

/**
 * Asks one or both parties for evidence: the request row, then `request_evidence` (409 when the
 * dispute is not being reviewed), the SLA clock stopped, and one `evidence.requested` event per
 * party asked.
 */
export async function requestEvidence(
    tx: EntityManager,
    dispute: Dispute,
    input: EvidenceRequestInput,
    actor: DisputeActor,
    at: Date
): Promise<EvidenceRequest> {
    const requests = tx.getRepository(EvidenceRequest);
    const inserted = await requests.insert({
        disputeId: dispute.id,
        requestedFrom: input.from,
        requestedById: actor.staffId,
        message: input.message,
        dueAt: input.dueAt,
        status: 'open',
        buyerAnswered: false,
        sellerAnswered: false,
        fulfilledAt: null,
        reminderSentAt: null,
        cancelledAt: null,
        cancelReason: null,
        createdAt: at,
    });
    const request = await requests.findOneByOrFail({ id: Number(inserted.identifiers[0].id) });
    const outbox: OutboxMessage[] = [];
    for (const party of partiesAsked(input.from)) {
        outbox.push(await evidenceEvent(tx, 'evidence.requested', dispute, request, party));
    }
    await applyTransition(tx, dispute, 'request_evidence', actor, {
        changes: pauseSla(dispute, at),
        note: `Evidence requested from ${input.from === 'both' ? 'both parties' : `the ${input.from}`}`,
        details: { evidenceRequestId: request.id, requestedFrom: input.from, dueAt: input.dueAt },
        recordAudits: [
            {
                action: 'evidence_request.created',
                entity: 'evidence_request',
                entityId: request.id,
                after: {
                    disputeId: dispute.id,
                    requestedFrom: input.from,
                    dueAt: input.dueAt,
                    status: 'open',
                },
            },
        ],
        outbox,
        at,
    });
    return request;
}

/** Loads an evidence request and locks its dispute, then the request (404 when either is absent). */
export async function lockEvidenceRequest(
    tx: EntityManager,
    id: number
): Promise<{ dispute: Dispute; request: EvidenceRequest }> {
    const found = await tx.getRepository(EvidenceRequest).findOneBy({ id });
    if (!found) throw notFound(`Evidence request ${id} does not exist`);
    // The dispute first, as every other writer of its requests does, then the request itself.
    const dispute = await lockDispute(tx, found.disputeId);
    const request = await lockRow(tx, EvidenceRequest, id);
    if (!request) throw notFound(`Evidence request ${id} does not exist`);
    return { dispute, request };
}

/**
 * Staff withdraw an open request with a reason. On the timeline and audited; when no request is
 * left open the dispute goes back to review (or to the queue) with its SLA clock running again.
 */
export async function cancelEvidenceRequest(
    tx: EntityManager,
    dispute: Dispute,
    request: EvidenceRequest,
    reason: string,
    actor: DisputeActor,
    at: Date
): Promise<EvidenceRequest> {
    if (request.status !== 'open')
        throw conflict(
            `Evidence request ${request.id} is ${request.status}; only an open one can be cancelled`
        );
    const requests = tx.getRepository(EvidenceRequest);
    await requests.update(
        { id: request.id, status: 'open' },
        { status: 'cancelled', cancelledAt: at, cancelReason: reason }
    );
    const recordAudits = [
        {
            action: 'evidence_request.cancelled',
            entity: 'evidence_request',
            entityId: request.id,
            before: { status: 'open', disputeId: dispute.id, requestedFrom: request.requestedFrom },
            after: { status: 'cancelled', reason },
        },
    ];
    const details = { evidenceRequestId: request.id, reason };
    const note = `Evidence request cancelled: ${reason}`;
    await recordEvent(tx, dispute, 'evidence_request_cancelled', actor, { note, details, recordAudits, at });
    const stillOpen = await requests.count({ where: { disputeId: dispute.id, status: 'open' } });
    if (stillOpen === 0 && dispute.status === 'awaiting_evidence') {
        await applyTransition(tx, dispute, 'evidence_complete', actor, {
            changes: resumeSla(dispute, at),
            note: 'No evidence request is left open',
            details,
            at,
        });
    }
    return requests.findOneByOrFail({ id: request.id });
}

/** Requests due by this instant are reminded of at `now`. */
export function reminderHorizon(now: Date, policy: Policy): Date {
    return new Date(now.getTime() + policy.evidenceReminderHours * HOUR_MS);
}

/**
 * Reminds the parties still owing an open request whose deadline is within the policy's hours:
 * one `evidence.reminder` event per such party, once per request (false when it is no longer due,
 * was reminded already, or nobody owes anything).
 */
export async function remindEvidence(tx: EntityManager, policy: Policy, requestId: number, now: Date) {
    const { dispute, request } = await lockEvidenceRequest(tx, requestId);
    const due = new Date(request.dueAt).getTime();
    const isDue =
        request.status === 'open' &&
        request.reminderSentAt === null &&
        dispute.status === 'awaiting_evidence' &&
        due > now.getTime() &&
        due <= reminderHorizon(now, policy).getTime();
    if (!isDue) return false;
    const owing = partiesAsked(request.requestedFrom).filter((party) => partyOwes(request, party));
    const updated = await tx
        .getRepository(EvidenceRequest)
        .update({ id: request.id, status: 'open', reminderSentAt: IsNull() }, { reminderSentAt: now });
    if (updated.affected !== 1 || owing.length === 0) return false;
    const outbox: OutboxMessage[] = [];
    for (const party of owing)
        outbox.push(await evidenceEvent(tx, 'evidence.reminder', dispute, request, party));
    await recordEvent(tx, dispute, 'evidence_reminder', systemActor, {
        note: `Reminder sent to the ${owing.join(' and ')}: evidence due ${new Date(request.dueAt).toISOString()}`,
        details: { evidenceRequestId: request.id, remindedParties: owing },
        recordAudits: [
            {
                action: 'evidence_request.reminded',
                entity: 'evidence_request',
                entityId: request.id,
                before: { reminderSentAt: null },
                after: { reminderSentAt: now, remindedParties: owing },
            },
        ],
        outbox,
        at: now,
    });
    return true;
}
