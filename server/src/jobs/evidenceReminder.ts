import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { EvidenceRequest } from '../entities';
import { reminderHorizon, remindEvidence } from '../evidence/evidenceRequests';
import { idsOf, type Job } from './job';

/**
 * Works per evidence request: open ones not yet reminded whose deadline is within
 * policy.evidenceReminderHours (and not yet past: the expiry job takes those).
 */
export const evidenceReminderJob: Job = {
    name: 'evidence_reminder',
    async findDue(run, afterId, limit) {
        return idsOf(
            await run.context.dataSource
                .getRepository(EvidenceRequest)
                .createQueryBuilder('request')
                .select('request.id', 'id')
                .where("request.status = 'open' AND request.reminderSentAt IS NULL")
                .andWhere('request.dueAt > :now AND request.dueAt <= :horizon', {
                    now: toDbTimestamp(run.now),
                    horizon: toDbTimestamp(reminderHorizon(run.now, run.policy)),
                })
                .andWhere('request.id > :afterId', { afterId })
                .orderBy('request.id', 'ASC')
                .limit(limit)
                .getRawMany()
        );
    },
    apply: (run, id) =>
        writeTransaction(run.context.dataSource, (tx) => remindEvidence(tx, run.policy, id, run.now)),
};
