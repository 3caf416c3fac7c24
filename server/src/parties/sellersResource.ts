import { Seller } from '../entities';
import { columns, defineResource } from '../rest/Resource';

const figure = { type: 'int', range: true, sort: true } as const;

/** Sellers with their rating: every figure sorts and filters by range (indexed, see migration …008). */
export const sellersResource = defineResource({
    name: 'sellers',
    entity: Seller,
    alias: 'seller',
    fields: columns('seller', {
        externalId: { type: 'string', filter: true },
        storeName: { type: 'string', sort: true },
        country: { type: 'string', filter: true, sort: true },
        positiveFeedbackPermille: figure,
        ordersCount: figure,
        disputesCount: figure,
        disputeRatePermille: figure,
        disputesLostCount: figure,
        disputesPartialCount: figure,
        disputesWonCount: figure,
        sellerTimeoutCount: figure,
        offersAcceptedCount: figure,
        score: figure,
        createdAt: { type: 'date', range: true, sort: true },
    }),
    search: ['id', 'externalId', 'storeName'],
    defaultSort: ['id', 'ASC'],
});
