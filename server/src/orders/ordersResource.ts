import { PAYMENT_METHODS } from '../../../shared/domain';
import { Order } from '../entities';
import { columns, defineResource } from '../rest/Resource';

export const ordersResource = defineResource({
    name: 'orders',
    entity: Order,
    alias: 'order',
    joins: {
        buyer: (qb) => qb.leftJoin('order.buyer', 'buyer'),
        seller: (qb) => qb.leftJoin('order.seller', 'seller'),
    },
    fields: {
        ...columns('order', {
            externalId: { type: 'string', filter: true, sort: true },
            buyerId: { type: 'int', filter: true },
            sellerId: { type: 'int', filter: true },
            productTitle: { type: 'string', sort: true },
            quantity: { type: 'int', range: true, sort: true },
            unitPrice: { type: 'int', range: true, sort: true },
            total: { type: 'int', range: true, sort: true },
            currency: { type: 'string', filter: true, sort: true },
            paymentMethod: { type: 'string', filter: true, values: PAYMENT_METHODS },
            shippedAt: { type: 'date', range: true, sort: true },
            trackingNumber: { type: 'string', filter: true },
            completedAt: { type: 'date', range: true, sort: true },
            protectionEndsAt: { type: 'date', range: true, sort: true },
            createdAt: { type: 'date', range: true, sort: true },
        }),
        buyerName: { column: 'buyer.name', type: 'string', join: 'buyer', sort: true },
        sellerName: { column: 'seller.storeName', type: 'string', join: 'seller', sort: true },
    },
    search: ['id', 'externalId', 'productTitle', 'buyerName', 'sellerName', 'trackingNumber'],
    defaultSort: ['id', 'DESC'],
});
