import { OFFER_STATUSES, PARTIES, REQUESTED_SOLUTIONS } from '../../../shared/domain';
import { Offer } from '../entities';
import { columns, defineResource } from '../rest/Resource';

/** Offers a party made to settle a dispute. */
export const offersResource = defineResource({
    name: 'offers',
    entity: Offer,
    alias: 'offer',
    fields: columns('offer', {
        disputeId: { type: 'int', filter: true, sort: true },
        party: { type: 'string', filter: true, values: PARTIES },
        solution: { type: 'string', filter: true, values: REQUESTED_SOLUTIONS },
        amount: { type: 'int', range: true, sort: true },
        currency: { type: 'string', filter: true },
        note: { type: 'string' },
        status: { type: 'string', filter: true, values: OFFER_STATUSES },
        respondedAt: { type: 'date', range: true, sort: true },
        createdAt: { type: 'date', range: true, sort: true },
    }),
    defaultSort: ['createdAt', 'ASC'],
});
