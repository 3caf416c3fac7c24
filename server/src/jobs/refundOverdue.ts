import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { Refund } from '../entities';
import { flagOverdueRefund } from '../refunds/refunds';
import { idsOf, type Job } from './job';

/** Refunds still not paid past their due date (policy.refundMaxDays): flagged, once (refunds/refunds.ts). */
export const refundOverdueJob: Job = {
    name: 'refund_overdue',
    async findDue(run, afterId, limit) {
        return idsOf(
            await run.context.dataSource
                .getRepository(Refund)
                .createQueryBuilder('refund')
                .select('refund.id', 'id')
                .where("refund.status = 'requested' AND refund.overdueAt IS NULL")
                .andWhere('refund.dueBy <= :now', { now: toDbTimestamp(run.now) })
                .andWhere('refund.id > :afterId', { afterId })
                .orderBy('refund.id', 'ASC')
                .limit(limit)
                .getRawMany()
        );
    },
    apply: (run, id) => writeTransaction(run.context.dataSource, (tx) => flagOverdueRefund(tx, id, run.now)),
};
