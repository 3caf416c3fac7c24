import { Buyer } from '../entities';
import { columns, defineResource } from '../rest/Resource';
import { ORDER_NUMBERS_MATCH } from '../orders/orderNumbers';

const figure = { type: 'int', range: true, sort: true } as const;

/** Buyers with their rating: every figure sorts and filters by range (indexed, see migration …008). */
export const buyersResource = defineResource({
    name: 'buyers',
    entity: Buyer,
    alias: 'buyer',
    fields: columns('buyer', {
        externalId: { type: 'string', filter: true },
        name: { type: 'string', sort: true },
        country: { type: 'string', filter: true, sort: true },
        ordersCount: figure,
        disputesCount: figure,
        disputes90dCount: figure,
        disputeRatePermille: figure,
        disputesWonCount: figure,
        disputesPartialCount: figure,
        disputesLostCount: figure,
        escalationsCount: figure,
        /** Disputes kept open after being satisfied. */
        penaltyCount: figure,
        score: figure,
        /** The marketplace's own rating of the buyer. */
        rating: figure,
        flagged: { type: 'bool', filter: true, sort: true },
        flagReason: { type: 'string' },
        blocked: { type: 'bool', filter: true, sort: true },
        blockReason: { type: 'string' },
        blockedAt: { type: 'date', range: true, sort: true },
        blockedById: { type: 'int', filter: true },
        createdAt: { type: 'date', range: true, sort: true },
    }),
    search: ['id', 'externalId', 'name'],
    searchExact: [ORDER_NUMBERS_MATCH('buyer.id', '"o"."buyerId"')],
    defaultSort: ['id', 'ASC'],
});
