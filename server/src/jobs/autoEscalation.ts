import { addDays, type Policy } from '../../../shared/policy';
import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { systemActor } from '../disputes/disputeActor';
import { startSla } from '../disputes/slaClock';
import { applyTransition, lockDispute } from '../disputes/transition';
import { Dispute } from '../entities';
import { idsOf, type Job, type JobRun } from './job';
import { isSellerSilent, sellerResponseCutoff } from './sellerTimeout';

function escalationCutoff(now: Date, policy: Policy): Date {
    return addDays(now, -policy.autoEscalationDays);
}

/** No agreement in time; a dispute whose seller never answered times out instead. */
function isEscalationDue(dispute: Dispute, now: Date, policy: Policy): boolean {
    return (
        (dispute.status === 'opened' || dispute.status === 'negotiating') &&
        new Date(dispute.openedAt).getTime() <= escalationCutoff(now, policy).getTime() &&
        !isSellerSilent(dispute, now, policy)
    );
}

async function escalate(run: JobRun, id: number): Promise<boolean> {
    const { now, policy } = run;
    return writeTransaction(run.context.dataSource, async (manager) => {
        const dispute = await lockDispute(manager, id);
        if (!isEscalationDue(dispute, now, policy)) return false;
        await applyTransition(manager, dispute, 'auto_escalate', systemActor, {
            changes: { escalatedAt: now, ...startSla(now, policy) },
            note: `No agreement ${policy.autoEscalationDays} days after opening: escalated to the platform`,
            at: now,
        });
        return true;
    });
}

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
    apply: escalate,
};
