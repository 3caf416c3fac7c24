import { In } from 'typeorm';
import { appendAudit } from '../audit/auditLog';
import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { systemActor } from '../disputes/disputeActor';
import { resumeSla } from '../disputes/slaClock';
import { applyTransition, lockDispute } from '../disputes/transition';
import { EvidenceRequest } from '../entities';
import { idsOf, type Job, type JobRun } from './job';

/**
 * Expires the dispute's open evidence requests that are past due; when none is left open, the
 * dispute goes back to review (or to the queue) and its SLA clock runs again.
 */
async function expireFor(run: JobRun, disputeId: number): Promise<boolean> {
    const { now } = run;
    return writeTransaction(run.context.dataSource, async (manager) => {
        const dispute = await lockDispute(manager, disputeId);
        const requests = manager.getRepository(EvidenceRequest);
        const due = await requests
            .createQueryBuilder('request')
            .where("request.disputeId = :disputeId AND request.status = 'open'", { disputeId })
            .andWhere('request.dueAt <= :now', { now: toDbTimestamp(now) })
            .orderBy('request.id', 'ASC')
            .getMany();
        if (due.length === 0) return false;
        await requests.update({ id: In(due.map((r) => r.id)), status: 'open' }, { status: 'expired' });
        for (const request of due) {
            await appendAudit(
                manager,
                systemActor.audit,
                {
                    action: 'evidence_request.expired',
                    entity: 'evidence_request',
                    entityId: request.id,
                    before: {
                        status: 'open',
                        disputeId,
                        requestedFrom: request.requestedFrom,
                        dueAt: request.dueAt,
                    },
                    after: { status: 'expired' },
                },
                now
            );
        }
        const stillOpen = await requests.countBy({ disputeId, status: 'open' });
        if (stillOpen === 0 && dispute.status === 'awaiting_evidence') {
            await applyTransition(manager, dispute, 'evidence_expired', systemActor, {
                changes: resumeSla(dispute, now),
                note: 'The evidence deadline passed: the ruling rests on what is on file',
                details: { expiredRequestIds: due.map((r) => r.id) },
                at: now,
            });
        }
        return true;
    });
}

/** Works per dispute: the ids are those of disputes with an open request past its deadline. */
export const evidenceExpiryJob: Job = {
    name: 'evidence_expiry',
    async findDue(run, afterId, limit) {
        return idsOf(
            await run.context.dataSource
                .getRepository(EvidenceRequest)
                .createQueryBuilder('request')
                .select('request.disputeId', 'id')
                .distinct(true)
                .where("request.status = 'open' AND request.dueAt <= :now", { now: toDbTimestamp(run.now) })
                .andWhere('request.disputeId > :afterId', { afterId })
                .orderBy('request.disputeId', 'ASC')
                .limit(limit)
                .getRawMany()
        );
    },
    apply: expireFor,
};
