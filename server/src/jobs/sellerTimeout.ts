import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { sellerResponseCutoff, timeOutSeller } from '../disputes/deadlines';
import { Dispute } from '../entities';
import { idsOf, type Job } from './job';

/** Opened disputes whose seller stayed silent: resolved with a full refund (disputes/deadlines.ts). */
export const sellerTimeoutJob: Job = {
    name: 'seller_timeout',
    async findDue(run, afterId, limit) {
        return idsOf(
            await run.context.dataSource
                .getRepository(Dispute)
                .createQueryBuilder('dispute')
                .select('dispute.id', 'id')
                .where("dispute.status = 'opened' AND dispute.sellerRespondedAt IS NULL")
                .andWhere('dispute.openedAt <= :cutoff', {
                    cutoff: toDbTimestamp(sellerResponseCutoff(run.now, run.policy)),
                })
                .andWhere('dispute.id > :afterId', { afterId })
                .orderBy('dispute.id', 'ASC')
                .limit(limit)
                .getRawMany()
        );
    },
    apply: (run, id) =>
        writeTransaction(run.context.dataSource, (tx) => timeOutSeller(tx, run.policy, id, run.now)),
};
