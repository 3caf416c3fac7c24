import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { expireEvidence } from '../disputes/deadlines';
import { EvidenceRequest } from '../entities';
import { idsOf, type Job } from './job';

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
    apply: (run, id) => writeTransaction(run.context.dataSource, (tx) => expireEvidence(tx, id, run.now)),
};
