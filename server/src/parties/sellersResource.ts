import { Seller } from '../entities';
import { columns, defineResource } from '../rest/Resource';

export const sellersResource = defineResource({
    name: 'sellers',
    entity: Seller,
    alias: 'seller',
    fields: columns('seller', {
        externalId: { type: 'string', filter: true },
        storeName: { type: 'string', sort: true },
        country: { type: 'string', filter: true, sort: true },
        positiveFeedbackPermille: { type: 'int', range: true, sort: true },
        ordersCount: { type: 'int', range: true, sort: true },
        disputesCount: { type: 'int', range: true, sort: true },
        disputesLostCount: { type: 'int', range: true, sort: true },
        createdAt: { type: 'date', range: true, sort: true },
    }),
    search: ['id', 'externalId', 'storeName'],
    defaultSort: ['id', 'ASC'],
});
