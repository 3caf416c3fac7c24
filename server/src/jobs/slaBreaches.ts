import type { DisputeStatus } from '../../../shared/domain';
import { appendAudit } from '../audit/auditLog';
import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { systemActor } from '../disputes/disputeActor';
import { Dispute } from '../entities';
import { idsOf, type Job, type JobRun } from './job';

/** Statuses in which the platform-review SLA runs. */
export const SLA_STATUSES: readonly DisputeStatus[] = [
    'escalated',
    'in_review',
    'awaiting_evidence',
    'pending_approval',
];

interface Deadline {
    due: 'slaDueAt' | 'slaHardDueAt';
    flag: 'slaTargetBreachedAt' | 'slaHardBreachedAt';
    action: string;
}

const TARGET: Deadline = {
    due: 'slaDueAt',
    flag: 'slaTargetBreachedAt',
    action: 'dispute.sla_target_breached',
};
const HARD_LIMIT: Deadline = {
    due: 'slaHardDueAt',
    flag: 'slaHardBreachedAt',
    action: 'dispute.sla_hard_limit_breached',
};

const aliased = (column: string) => `dispute.${column}`;
const quoted = (column: string) => `"${column}"`;

/** The SQL condition of a breach not flagged yet; a paused SLA is never breached. */
function breachCondition(deadline: Deadline, col: (column: string) => string): string {
    return (
        `${col('status')} IN (:...statuses) AND ${col('slaPausedAt')} IS NULL` +
        ` AND ${col(deadline.due)} <= :now AND ${col(deadline.flag)} IS NULL`
    );
}

/** Flags one breach with a conditional UPDATE; only the run that flips the flag audits it. */
async function flag(run: JobRun, deadline: Deadline, id: number): Promise<boolean> {
    const { now } = run;
    return writeTransaction(run.context.dataSource, async (manager) => {
        const result = await manager
            .createQueryBuilder()
            .update(Dispute)
            .set({ [deadline.flag]: now, updatedAt: now })
            .where('id = :id', { id })
            .andWhere(breachCondition(deadline, quoted), {
                statuses: SLA_STATUSES,
                now: toDbTimestamp(now),
            })
            .execute();
        if (result.affected !== 1) return false;
        const dispute = await manager.getRepository(Dispute).findOneByOrFail({ id });
        await appendAudit(
            manager,
            systemActor.audit,
            {
                action: deadline.action,
                entity: 'dispute',
                entityId: id,
                before: {
                    status: dispute.status,
                    assigneeId: dispute.assigneeId,
                    [deadline.due]: dispute[deadline.due],
                },
                after: { [deadline.flag]: now },
            },
            now
        );
        return true;
    });
}

function breachJob(name: string, deadline: Deadline): Job {
    return {
        name,
        async findDue(run, afterId, limit) {
            return idsOf(
                await run.context.dataSource
                    .getRepository(Dispute)
                    .createQueryBuilder('dispute')
                    .select('dispute.id', 'id')
                    .where(breachCondition(deadline, aliased), {
                        statuses: SLA_STATUSES,
                        now: toDbTimestamp(run.now),
                    })
                    .andWhere('dispute.id > :afterId', { afterId })
                    .orderBy('dispute.id', 'ASC')
                    .limit(limit)
                    .getRawMany()
            );
        },
        apply: (run, id) => flag(run, deadline, id),
    };
}

export const slaTargetBreachJob = breachJob('sla_target_breach', TARGET);
export const slaHardBreachJob = breachJob('sla_hard_limit_breach', HARD_LIMIT);
