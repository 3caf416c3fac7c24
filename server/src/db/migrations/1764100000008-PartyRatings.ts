import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dbKind, TIMESTAMP } from '../dbKind';

const TRUE = dbKind === 'postgres' ? 'true' : '1';

/** The figures of the parties' ratings that lists sort and filter on, each with its index. */
export const BUYER_RATING_INDEXES = [
    'score',
    'disputeRatePermille',
    'disputes90dCount',
    'disputesCount',
    'ordersCount',
    'disputesWonCount',
    'disputesPartialCount',
    'disputesLostCount',
    'escalationsCount',
    'penaltyCount',
] as const;

export const SELLER_RATING_INDEXES = [
    'score',
    'disputeRatePermille',
    'disputesCount',
    'ordersCount',
    'disputesLostCount',
    'disputesPartialCount',
    'disputesWonCount',
    'sellerTimeoutCount',
    'offersAcceptedCount',
] as const;

/**
 * Buyer and seller ratings (issue 11): the counters the recorder moves (escalations, seller
 * timeouts, accepted offers), the maintained score and dispute rate, the recent-disputes figure
 * and `ratingsDueAt`, when the ratings timer must look at the party again (a dispute leaving a
 * window). Existing counters are filled from the data; every party with disputes is due at once,
 * so that the timer computes its score, rate and flag with the formulas of shared/reputation.ts.
 */
export class PartyRatings1764100000008 implements MigrationInterface {
    name = 'PartyRatings1764100000008';

    async up(queryRunner: QueryRunner): Promise<void> {
        const timestamp = String(TIMESTAMP);
        const add = (table: string, column: string, type: string) =>
            queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "${column}" ${type}`);
        const int = (fallback: number) => `integer NOT NULL DEFAULT ${fallback}`;

        await add('buyer', 'disputes90dCount', int(0));
        await add('buyer', 'escalationsCount', int(0));
        await add('buyer', 'disputeRatePermille', int(0));
        await add('buyer', 'score', int(100));
        await add('buyer', 'ratingsDueAt', timestamp);
        await add('buyer', 'blockedAt', timestamp);
        await add('buyer', 'blockedById', 'integer');
        await add('seller', 'sellerTimeoutCount', int(0));
        await add('seller', 'offersAcceptedCount', int(0));
        await add('seller', 'disputeRatePermille', int(0));
        await add('seller', 'score', int(100));
        await add('seller', 'ratingsDueAt', timestamp);

        await queryRunner.query(
            `UPDATE "buyer" SET "escalationsCount" = (SELECT COUNT(*) FROM "dispute_event" e
                JOIN "dispute" d ON d."id" = e."disputeId"
                WHERE d."buyerId" = "buyer"."id" AND e."action" = 'escalate')`
        );
        await queryRunner.query(
            `UPDATE "seller" SET
                "sellerTimeoutCount" = (SELECT COUNT(*) FROM "dispute" d
                    WHERE d."sellerId" = "seller"."id" AND d."resolution" = 'seller_timeout'),
                "offersAcceptedCount" = (SELECT COUNT(*) FROM "dispute" d
                    WHERE d."sellerId" = "seller"."id" AND d."offerAccepted" = ${TRUE})`
        );
        await queryRunner.query(
            `UPDATE "buyer" SET "ratingsDueAt" = CURRENT_TIMESTAMP WHERE "disputesCount" > 0 OR "flagged" = ${TRUE}`
        );
        await queryRunner.query(
            `UPDATE "seller" SET "ratingsDueAt" = CURRENT_TIMESTAMP WHERE "disputesCount" > 0`
        );

        for (const column of BUYER_RATING_INDEXES) {
            await queryRunner.query(
                `CREATE INDEX "IDX_buyer_rating_${column}" ON "buyer" ("${column}", "id")`
            );
        }
        for (const column of SELLER_RATING_INDEXES) {
            await queryRunner.query(
                `CREATE INDEX "IDX_seller_rating_${column}" ON "seller" ("${column}", "id")`
            );
        }
        await queryRunner.query('CREATE INDEX "IDX_buyer_blocked" ON "buyer" ("blocked", "id")');
        await queryRunner.query('CREATE INDEX "IDX_buyer_ratings_due" ON "buyer" ("ratingsDueAt")');
        await queryRunner.query('CREATE INDEX "IDX_seller_ratings_due" ON "seller" ("ratingsDueAt")');
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('DROP INDEX "IDX_seller_ratings_due"');
        await queryRunner.query('DROP INDEX "IDX_buyer_ratings_due"');
        await queryRunner.query('DROP INDEX "IDX_buyer_blocked"');
        for (const column of SELLER_RATING_INDEXES)
            await queryRunner.query(`DROP INDEX "IDX_seller_rating_${column}"`);
        for (const column of BUYER_RATING_INDEXES)
            await queryRunner.query(`DROP INDEX "IDX_buyer_rating_${column}"`);
        const drop = (table: string, column: string) =>
            queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
        for (const column of [
            'ratingsDueAt',
            'score',
            'disputeRatePermille',
            'offersAcceptedCount',
            'sellerTimeoutCount',
        ]) {
            await drop('seller', column);
        }
        for (const column of [
            'blockedById',
            'blockedAt',
            'ratingsDueAt',
            'score',
            'disputeRatePermille',
            'escalationsCount',
            'disputes90dCount',
        ]) {
            await drop('buyer', column);
        }
    }
}
