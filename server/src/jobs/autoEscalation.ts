import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { autoEscalate, escalationCutoff, sellerResponseCutoff } from '../disputes/deadlines';
import { Dispute } from '../entities';
import { idsOf, type Job } from './job';

/** Disputes without agreement in time go to the platform's queue (disputes/deadlines.ts). */
export const autoEscalationJob: Job = {
    name: 'auto_escalation',
    async findDue(run, afterId, limit) {
        return idsOf(
            await run.context.dataSource
                .getRepository(Dispute)
                .createQueryBuilder('dispute')
                .select('dispute.id', 'id')
                .where("dispute.status IN ('opened', 'negotiating')")
                .andWhere('dispute.openedAt <= :cutoff', {
                    cutoff: toDbTimestamp(escalationCutoff(run.now, run.policy)),
                })
                .andWhere(
                    "NOT (dispute.status = 'opened' AND dispute.sellerRespondedAt IS NULL" +
                        ' AND dispute.openedAt <= :sellerCutoff)',
                    { sellerCutoff: toDbTimestamp(sellerResponseCutoff(run.now, run.policy)) }
                )
                .andWhere('dispute.id > :afterId', { afterId })
                .orderBy('dispute.id', 'ASC')
                .limit(limit)
                .getRawMany()
        );
    },
    apply: (run, id) =>
        writeTransaction(run.context.dataSource, (tx) => autoEscalate(tx, run.policy, id, run.now)),
};
