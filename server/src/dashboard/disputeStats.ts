/**
 * What a dispute's change or a refund's step moves in the dashboard's aggregates (dailyStats.ts).
 * The recorder and the refund path call these in the transaction of the change; the rebuild
 * (statsRebuild.ts) computes the same figures from the stored rows.
 */
import type { EntityManager } from 'typeorm';
import type { DisputeStatus } from '../../../shared/domain';
import { SLA_STATUSES } from '../../../shared/lifecycle';
import { Decision, type Dispute, type Refund } from '../entities';
import { addStats, dayOf, epochSeconds, type StatDelta } from './dailyStats';

/** The statuses counted as the platform's queue: from escalation until a ruling is issued. */
export const QUEUE_STATUSES: readonly DisputeStatus[] = SLA_STATUSES;

/** How a dispute ended without a ruling, by its final status. */
const ENDINGS: Partial<Record<DisputeStatus, true>> = { resolved: true, withdrawn: true };

type DisputeRow = Pick<
    Dispute,
    'id' | 'status' | 'reason' | 'escalatedAt' | 'openedAt' | 'decidedAt' | 'closedAt' | 'resolution'
>;

const inQueue = (status: DisputeStatus) => QUEUE_STATUSES.includes(status);

/** The time a queued dispute's age counts from. */
function queuedSince(dispute: DisputeRow): Date {
    return dispute.escalatedAt ?? dispute.openedAt;
}

async function latestDecision(manager: EntityManager, disputeId: number, status: Decision['status']) {
    return manager.getRepository(Decision).findOne({ where: { disputeId, status }, order: { id: 'DESC' } });
}

/**
 * The aggregates a recorded change moves: the queue when the dispute enters or leaves it, how it
 * ended (ruling outcome, agreement, seller timeout, withdrawal; taken back by an overturn or a
 * reopening, on the day it was counted), the ruling's mediator, and SLA breaches.
 */
export async function recordStats(
    manager: EntityManager,
    before: DisputeRow,
    after: DisputeRow,
    action: string,
    at: Date
): Promise<void> {
    const day = dayOf(at);
    const deltas: StatDelta[] = [];
    if (action === 'sla_target_breached')
        deltas.push({ metric: 'sla_breach', day, dim1: 'target', count: 1 });
    if (action === 'sla_hard_limit_breached')
        deltas.push({ metric: 'sla_breach', day, dim1: 'hard', count: 1 });
    if (before.status !== after.status) {
        if (!inQueue(before.status) && inQueue(after.status)) {
            deltas.push({ metric: 'queue', day, count: 1, amount: epochSeconds(queuedSince(after)) });
        }
        if (inQueue(before.status) && !inQueue(after.status)) {
            deltas.push({ metric: 'queue', day, count: -1, amount: -epochSeconds(queuedSince(before)) });
        }
        if (after.status === 'decided') {
            const decision = await latestDecision(manager, after.id, 'issued');
            if (decision) {
                deltas.push(
                    { metric: 'outcome', day, dim1: after.reason, dim2: decision.outcome, count: 1 },
                    { metric: 'ruling', day, dim1: String(decision.mediatorId), count: 1 }
                );
            }
        }
        if (action === 'overturn' && before.decidedAt) {
            const decision = await latestDecision(manager, after.id, 'overturned');
            if (decision) {
                const ruled = dayOf(before.decidedAt);
                deltas.push({
                    metric: 'outcome',
                    day: ruled,
                    dim1: before.reason,
                    dim2: decision.outcome,
                    count: -1,
                });
            }
        }
        if (ENDINGS[after.status] && after.resolution) {
            deltas.push({ metric: 'outcome', day, dim1: after.reason, dim2: after.resolution, count: 1 });
        }
        if (ENDINGS[before.status] && before.resolution) {
            const ended = dayOf(before.closedAt ?? at);
            deltas.push({
                metric: 'outcome',
                day: ended,
                dim1: before.reason,
                dim2: before.resolution,
                count: -1,
            });
        }
    }
    await addStats(manager, deltas);
}

/** The aggregates of a refund's step: requested, paid (and no longer overdue), found overdue. */
export async function refundStats(
    manager: EntityManager,
    step: 'requested' | 'paid' | 'overdue',
    refund: Pick<Refund, 'amount' | 'currency' | 'overdueAt'>,
    at: Date
): Promise<void> {
    const day = dayOf(at);
    const money = { dim1: refund.currency, count: 1, amount: refund.amount };
    const deltas: StatDelta[] = [];
    if (step === 'requested') deltas.push({ metric: 'refund_requested', day, ...money });
    if (step === 'paid') {
        deltas.push({ metric: 'refund_paid', day, ...money });
        if (refund.overdueAt) {
            deltas.push({ metric: 'refund_overdue_open', day, ...money, count: -1, amount: -refund.amount });
        }
    }
    if (step === 'overdue') {
        deltas.push(
            { metric: 'refund_overdue', day, ...money },
            { metric: 'refund_overdue_open', day, ...money }
        );
    }
    await addStats(manager, deltas);
}
