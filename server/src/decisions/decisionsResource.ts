import { DECISION_STATUSES, DISPUTE_REASONS, OUTCOMES } from '../../../shared/domain';
import { Decision } from '../entities';
import { columns, defineResource } from '../rest/Resource';

export const decisionsResource = defineResource({
    name: 'decisions',
    entity: Decision,
    alias: 'decision',
    joins: {
        mediator: (qb) => qb.leftJoin('staff', 'mediator', 'mediator.id = decision.mediatorId'),
        approver: (qb) => qb.leftJoin('staff', 'approver', 'approver.id = decision.approverId'),
    },
    fields: {
        ...columns('decision', {
            disputeId: { type: 'int', filter: true, sort: true },
            mediatorId: { type: 'int', filter: true, sort: true },
            refundAmount: { type: 'int', range: true, sort: true },
            orderTotal: { type: 'int', range: true, sort: true },
            reason: { type: 'string', filter: true, sort: true, values: DISPUTE_REASONS },
            goodsReceived: { type: 'bool', filter: true },
            currency: { type: 'string', filter: true, sort: true },
            outcome: { type: 'string', filter: true, values: OUTCOMES },
            returnRequired: { type: 'bool', filter: true },
            returnShippingPaidBy: { type: 'string', filter: true },
            rationaleBuyer: { type: 'string' },
            rationaleSeller: { type: 'string' },
            evidenceIds: { type: 'json' },
            status: { type: 'string', filter: true, sort: true, values: DECISION_STATUSES },
            approverId: { type: 'int', filter: true },
            approvedAt: { type: 'date', range: true, sort: true },
            approvalComment: { type: 'string' },
            rejectionReason: { type: 'string' },
            overturnReason: { type: 'string' },
            overturnedById: { type: 'int', filter: true },
            supersedesId: { type: 'int', filter: true },
            issuedAt: { type: 'date', range: true, sort: true },
            returnTrackingNumber: { type: 'string', filter: true },
            returnCarrier: { type: 'string' },
            returnShippedAt: { type: 'date', range: true, sort: true },
            createdAt: { type: 'date', range: true, sort: true },
        }),
        mediatorName: { column: 'mediator.fullName', type: 'string', join: 'mediator' },
        approverName: { column: 'approver.fullName', type: 'string', join: 'approver' },
    },
    search: ['rationaleBuyer', 'rationaleSeller', 'returnTrackingNumber'],
    defaultSort: ['createdAt', 'DESC'],
});
