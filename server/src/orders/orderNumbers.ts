/**
 * A search condition "one of the orders behind `column` has this tracking number or marketplace
 * order number" (exact values, any of `:...qExact`): served by the indexes on
 * `order.trackingNumber` (migration …012) and `order.externalId`.
 */
export const ORDER_NUMBERS_MATCH = (column: string, orderColumn: string) =>
    `${column} IN (SELECT ${orderColumn} FROM "order" "o"
        WHERE "o"."trackingNumber" IN (:...qExact) OR "o"."externalId" IN (:...qExact))`;
