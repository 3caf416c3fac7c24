import { REFUND_DESTINATIONS, REFUND_STATUSES } from '../../../shared/domain';
import { Refund } from '../entities';
import { columns, defineResource } from '../rest/Resource';

/** Refunds of dispute outcomes, to the original payment method. */
export const refundsResource = defineResource({
    name: 'refunds',
    entity: Refund,
    alias: 'refund',
    fields: {
        ...columns('refund', {
            disputeId: { type: 'int', filter: true, sort: true },
            decisionId: { type: 'int', filter: true },
            amount: { type: 'int', range: true, sort: true },
            currency: { type: 'string', filter: true, sort: true },
            destination: { type: 'string', filter: true, values: REFUND_DESTINATIONS },
            status: { type: 'string', filter: true, sort: true, values: REFUND_STATUSES },
            requestedAt: { type: 'date', range: true, sort: true },
            dueBy: { type: 'date', range: true, sort: true },
            completedAt: { type: 'date', range: true, sort: true },
            createdAt: { type: 'date', range: true, sort: true },
            reference: { type: 'string', filter: true },
            overdueAt: { type: 'date', range: true, sort: true },
        }),
        /** Still unpaid past its due date (flagged by the overdue timer). */
        overdue: { column: '(refund.overdueAt IS NOT NULL)', type: 'bool', filter: true },
    },
    defaultSort: ['requestedAt', 'DESC'],
});
