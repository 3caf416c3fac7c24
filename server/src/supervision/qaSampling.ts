/**
 * QA sampling: a supervisor draws a random sample of the decisions issued in a period and gives a
 * verdict on each. A decision is sampled once, ever, and never by the mediator who ruled it.
 * Each function takes the caller's transaction.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QaSampleInput, QaVerdictInput } from '../../../shared/schemas/qa';
import { appendAudit, type AuditActor } from '../audit/auditLog';
import { lockKeys } from '../db/keyLock';
import { lockRow } from '../db/locks';
import { Decision, QaReview } from '../entities';
import { conflict, notFound, unprocessable } from '../http/HttpError';
import { dayBounds } from './qaPeriod';

/** The statuses of a decision that stood (or stood until it was overturned): what a sample draws from. */
export const SAMPLED_STATUSES = ['issued', 'overturned'] as const;

/** The ids of the period's decisions that may still be sampled by `reviewerId`. */
async function candidates(manager: EntityManager, reviewerId: number, input: QaSampleInput) {
    const { start, end } = dayBounds(input.from, input.to);
    const rows = await manager
        .getRepository(Decision)
        .createQueryBuilder('decision')
        .select('decision.id', 'id')
        .where('decision.issuedAt >= :start AND decision.issuedAt < :end', { start, end })
        .andWhere('decision.status IN (:...statuses)', { statuses: [...SAMPLED_STATUSES] })
        .andWhere('decision.mediatorId <> :reviewerId', { reviewerId })
        .andWhere('NOT EXISTS (SELECT 1 FROM qa_review sampled WHERE sampled."decisionId" = decision.id)')
        .getRawMany<{ id: number | string }>();
    return rows.map((row) => Number(row.id));
}

/** `size` distinct ids picked uniformly at random (a partial Fisher–Yates shuffle). */
function pick(ids: number[], size: number): number[] {
    const pool = [...ids];
    for (let i = 0; i < size; i++) {
        const j = i + randomInt(pool.length - i);
        [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, size).sort((a, b) => a - b);
}

/** Draws a sample for the reviewer; 422 saying how many are available when fewer than asked. */
export async function drawSample(
    manager: EntityManager,
    actor: AuditActor,
    input: QaSampleInput,
    now: Date
): Promise<{ sampleId: string; reviews: QaReview[] }> {
    const reviewerId = actor.actorId!;
    // Two draws at once must not pick the same decision (the unique index would refuse the second).
    await lockKeys(manager, ['qa-sample']);
    const available = await candidates(manager, reviewerId, input);
    if (available.length < input.size) {
        const why = `only ${available.length} decision${available.length === 1 ? ' is' : 's are'} available in the period (issued or overturned, not sampled before, not your own)`;
        throw unprocessable(`Cannot draw ${input.size}: ${why}`, {
            size: `must be at most ${available.length}: ${why}`,
        });
    }
    const decisionIds = pick(available, input.size);
    const sampleId = randomUUID();
    const repo = manager.getRepository(QaReview);
    await repo.insert(
        decisionIds.map((decisionId) => ({
            decisionId,
            reviewerId,
            sampleId,
            verdict: null,
            comment: null,
            createdAt: now,
            answeredAt: null,
        }))
    );
    const reviews = await repo.find({ where: { sampleId }, order: { id: 'ASC' } });
    await appendAudit(
        manager,
        actor,
        {
            action: 'qa.sample',
            entity: 'qa_sample',
            entityId: sampleId,
            after: {
                from: input.from,
                to: input.to,
                size: input.size,
                available: available.length,
                decisionIds,
                reviewIds: reviews.map((review) => review.id),
            },
        },
        now
    );
    return { sampleId, reviews };
}

/** Loads and locks a QA review; 404 when there is none. */
export async function lockReview(manager: EntityManager, id: number): Promise<QaReview> {
    const review = await lockRow(manager, QaReview, id);
    if (!review) throw notFound(`QA review #${id} does not exist`);
    return review;
}

/** Records the reviewer's verdict (once: 409 when already answered). */
export async function recordVerdict(
    manager: EntityManager,
    actor: AuditActor,
    review: QaReview,
    input: QaVerdictInput,
    now: Date
): Promise<void> {
    if (review.verdict !== null) {
        throw conflict(`QA review #${review.id} was already answered (${review.verdict})`);
    }
    const comment = input.comment ? input.comment : null;
    await manager
        .getRepository(QaReview)
        .update({ id: review.id }, { verdict: input.verdict, comment, answeredAt: now });
    await appendAudit(
        manager,
        actor,
        {
            action: 'qa.verdict',
            entity: 'qa_review',
            entityId: review.id,
            before: { verdict: null },
            after: {
                verdict: input.verdict,
                comment,
                decisionId: review.decisionId,
                sampleId: review.sampleId,
            },
        },
        now
    );
}
