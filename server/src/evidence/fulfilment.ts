/**
 * A party answered (a message or a file through the integration API): its open evidence requests
 * are marked answered, those complete are fulfilled, and when none is left open the dispute goes
 * back to review (or to the queue) with its SLA clock running again.
 */
import type { EntityManager } from 'typeorm';
import { appendAudit, type AuditEntry } from '../audit/auditLog';
import type { DisputeActor } from '../disputes/disputeActor';
import { applyTransition, recordEvent } from '../disputes/recorder';
import { resumeSla } from '../disputes/slaClock';
import { EvidenceRequest, type Dispute } from '../entities';

export type Party = 'buyer' | 'seller';

const ANSWERED = { buyer: 'buyerAnswered', seller: 'sellerAnswered' } as const;

/** Whether every party a request asks has answered it. */
function isComplete(request: EvidenceRequest): boolean {
    if (request.requestedFrom === 'both') return request.buyerAnswered && request.sellerAnswered;
    return request[ANSWERED[request.requestedFrom]];
}

/**
 * Marks `party` answered on every open request of the (locked) dispute that asks it, fulfils the
 * complete ones and, when none is left open and the dispute awaits evidence, moves it on through
 * `evidence_complete`. Takes the caller's transaction; returns the dispute as it now is.
 */
export async function partyAnswered(
    tx: EntityManager,
    dispute: Dispute,
    party: Party,
    actor: DisputeActor,
    at: Date
): Promise<Dispute> {
    const requests = tx.getRepository(EvidenceRequest);
    const open = await requests.find({
        where: { disputeId: dispute.id, status: 'open' },
        order: { id: 'ASC' },
    });
    const asking = open.filter(
        (request) => request.requestedFrom === party || request.requestedFrom === 'both'
    );
    const answered = asking.filter((request) => !request[ANSWERED[party]]);
    if (answered.length === 0) return dispute;

    const fulfilled: EvidenceRequest[] = [];
    const audits: AuditEntry[] = [];
    for (const request of answered) {
        request[ANSWERED[party]] = true;
        const complete = isComplete(request);
        const changes: Partial<EvidenceRequest> = { [ANSWERED[party]]: true };
        if (complete) Object.assign(changes, { status: 'fulfilled', fulfilledAt: at });
        await requests.update({ id: request.id, status: 'open' }, changes);
        if (complete) fulfilled.push(request);
        audits.push({
            action: complete ? 'evidence_request.fulfilled' : 'evidence_request.answered',
            entity: 'evidence_request',
            entityId: request.id,
            before: { status: 'open', disputeId: dispute.id, requestedFrom: request.requestedFrom },
            after: { status: complete ? 'fulfilled' : 'open', answeredBy: party },
        });
    }

    if (fulfilled.length === 0) {
        // Half of a request to both parties: audited, the party's answer itself is on the timeline.
        for (const audit of audits) await appendAudit(tx, actor.audit, audit, at);
        return dispute;
    }
    const fulfilledRequestIds = fulfilled.map((request) => request.id);
    const stillOpen = await requests.count({ where: { disputeId: dispute.id, status: 'open' } });
    if (stillOpen === 0 && dispute.status === 'awaiting_evidence') {
        return applyTransition(tx, dispute, 'evidence_complete', actor, {
            changes: resumeSla(dispute, at),
            note: `The ${party} answered: every evidence request is fulfilled`,
            details: { fulfilledRequestIds },
            recordAudits: audits,
            at,
        });
    }
    return recordEvent(tx, dispute, 'evidence_request_fulfilled', actor, {
        note: `The ${party} answered an evidence request; ${stillOpen} still open`,
        details: { fulfilledRequestIds },
        recordAudits: audits,
        at,
    });
}
