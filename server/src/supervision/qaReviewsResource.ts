import { OUTCOMES, DISPUTE_REASONS } from '../../../shared/domain';
import { QA_VERDICTS } from '../../../shared/schemas/qa';
import { QaReview } from '../entities';
import { columns, defineResource } from '../rest/Resource';

/** The QA reviews of sampled decisions, with what a reviewer needs of the decision to judge it. */
export const qaReviewsResource = defineResource({
    name: 'qa-reviews',
    entity: QaReview,
    alias: 'qa',
    joins: {
        decision: (qb) =>
            qb
                .leftJoin('decision', 'decision', 'decision.id = qa.decisionId')
                .leftJoin('staff', 'mediator', 'mediator.id = decision.mediatorId'),
        reviewer: (qb) => qb.leftJoin('staff', 'reviewer', 'reviewer.id = qa.reviewerId'),
    },
    fields: {
        ...columns('qa', {
            decisionId: { type: 'int', filter: true, range: true, sort: true },
            reviewerId: { type: 'int', filter: true, sort: true },
            sampleId: { type: 'string', filter: true },
            verdict: { type: 'string', filter: true, sort: true, values: QA_VERDICTS },
            comment: { type: 'string' },
            createdAt: { type: 'date', range: true, sort: true },
            answeredAt: { type: 'date', range: true, sort: true },
        }),
        answered: { column: '(qa.answeredAt IS NOT NULL)', type: 'bool', filter: true },
        reviewerName: { column: 'reviewer.fullName', type: 'string', join: 'reviewer' },
        disputeId: { column: 'decision.disputeId', type: 'int', join: 'decision', filter: true },
        mediatorId: { column: 'decision.mediatorId', type: 'int', join: 'decision', filter: true },
        mediatorName: { column: 'mediator.fullName', type: 'string', join: 'decision' },
        outcome: { column: 'decision.outcome', type: 'string', join: 'decision', values: OUTCOMES },
        reason: { column: 'decision.reason', type: 'string', join: 'decision', values: DISPUTE_REASONS },
        refundAmount: { column: 'decision.refundAmount', type: 'int', join: 'decision' },
        refundPercent: { column: 'decision.refundPercent', type: 'int', join: 'decision' },
        currency: { column: 'decision.currency', type: 'string', join: 'decision' },
        decisionStatus: { column: 'decision.status', type: 'string', join: 'decision' },
        issuedAt: { column: 'decision.issuedAt', type: 'date', join: 'decision' },
    },
    search: ['decisionId', 'disputeId', 'comment', 'reviewerName', 'mediatorName'],
    defaultSort: ['createdAt', 'DESC'],
});
