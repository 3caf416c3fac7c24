import { refundDestinationFor } from '../../../shared/domain';
import { addDays, type Policy } from '../../../shared/policy';
import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { systemActor } from '../disputes/disputeActor';
import { applyTransition, lockDispute } from '../disputes/transition';
import { Dispute, Order, Refund } from '../entities';
import { idsOf, type Job, type JobRun } from './job';

/** Opened disputes whose seller has not answered by now are resolved in the buyer's favour. */
export function sellerResponseCutoff(now: Date, policy: Policy): Date {
    return addDays(now, -policy.sellerResponseDays);
}

export function isSellerSilent(dispute: Dispute, now: Date, policy: Policy): boolean {
    return (
        dispute.status === 'opened' &&
        dispute.sellerRespondedAt === null &&
        new Date(dispute.openedAt).getTime() <= sellerResponseCutoff(now, policy).getTime()
    );
}

/** The seller stayed silent: resolved, full refund of the order to the original payment method. */
async function timeOut(run: JobRun, id: number): Promise<boolean> {
    const { now, policy } = run;
    return writeTransaction(run.context.dataSource, async (manager) => {
        const dispute = await lockDispute(manager, id);
        if (!isSellerSilent(dispute, now, policy)) return false;
        const order = await manager.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
        const refund = await manager.getRepository(Refund).save({
            disputeId: dispute.id,
            decisionId: null,
            amount: order.total,
            currency: order.currency,
            destination: refundDestinationFor(order.paymentMethod),
            status: 'requested',
            requestedAt: now,
            dueBy: addDays(now, policy.refundMaxDays),
            completedAt: null,
            createdAt: now,
        });
        await applyTransition(manager, dispute, 'seller_timeout', systemActor, {
            changes: { resolution: 'seller_timeout' },
            note: `The seller did not answer within ${policy.sellerResponseDays} days: full refund to the buyer`,
            details: {
                resolution: 'seller_timeout',
                refundId: refund.id,
                refundAmount: refund.amount,
                currency: refund.currency,
                destination: refund.destination,
            },
            at: now,
        });
        return true;
    });
}

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
    apply: timeOut,
};
