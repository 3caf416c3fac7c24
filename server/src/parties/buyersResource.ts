import { Buyer } from '../entities';
import { columns, defineResource } from '../rest/Resource';

export const buyersResource = defineResource({
    name: 'buyers',
    entity: Buyer,
    alias: 'buyer',
    fields: columns('buyer', {
        externalId: { type: 'string', filter: true },
        name: { type: 'string', sort: true },
        country: { type: 'string', filter: true, sort: true },
        ordersCount: { type: 'int', range: true, sort: true },
        disputesCount: { type: 'int', range: true, sort: true },
        disputesWonCount: { type: 'int', range: true, sort: true },
        penaltyCount: { type: 'int', range: true, sort: true },
        rating: { type: 'int', range: true, sort: true },
        flagged: { type: 'bool', filter: true, sort: true },
        flagReason: { type: 'string' },
        blocked: { type: 'bool', filter: true, sort: true },
        blockReason: { type: 'string' },
        createdAt: { type: 'date', range: true, sort: true },
    }),
    search: ['id', 'externalId', 'name'],
    defaultSort: ['id', 'ASC'],
});
