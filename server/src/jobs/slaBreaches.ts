import { SLA_STATUSES } from '../../../shared/lifecycle';
import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { flagSlaBreach, SLA_DEADLINES, type SlaDeadline } from '../disputes/deadlines';
import { Dispute } from '../entities';
import { idsOf, type Job } from './job';

/** Disputes past an SLA deadline that is running and not flagged yet (disputes/deadlines.ts). */
function breachJob(name: string, deadline: SlaDeadline): Job {
    return {
        name,
        async findDue(run, afterId, limit) {
            return idsOf(
                await run.context.dataSource
                    .getRepository(Dispute)
                    .createQueryBuilder('dispute')
                    .select('dispute.id', 'id')
                    .where('dispute.status IN (:...statuses) AND dispute.slaPausedAt IS NULL', {
                        statuses: SLA_STATUSES,
                    })
                    .andWhere(`dispute.${deadline.due} <= :now AND dispute.${deadline.flag} IS NULL`, {
                        now: toDbTimestamp(run.now),
                    })
                    .andWhere('dispute.id > :afterId', { afterId })
                    .orderBy('dispute.id', 'ASC')
                    .limit(limit)
                    .getRawMany()
            );
        },
        apply: (run, id) =>
            writeTransaction(run.context.dataSource, (tx) => flagSlaBreach(tx, deadline, id, run.now)),
    };
}

export const slaTargetBreachJob = breachJob('sla_target_breach', SLA_DEADLINES.target);
export const slaHardBreachJob = breachJob('sla_hard_limit_breach', SLA_DEADLINES.hardLimit);
