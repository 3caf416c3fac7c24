import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's maintained aggregates (issue 11): one row per UTC day, metric and dimensions,
 * holding a count and an amount that the recorder and the refund path move in the same
 * transactions as the data (server/src/dashboard/). Running figures (the queue, the open overdue
 * refunds) are stored as daily changes and summed up to a day. The rows are filled by
 * `rebuildDailyStats` (the seeds, `tsx server/src/dashboard/statsRebuildCli.ts`); an existing database is rebuilt there.
 */
export class DailyStats1764100000009 implements MigrationInterface {
    name = 'DailyStats1764100000009';

    async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(
            `CREATE TABLE "daily_stat" (
                "metric" varchar(24) NOT NULL,
                "day" varchar(10) NOT NULL,
                "dim1" varchar(40) NOT NULL DEFAULT '',
                "dim2" varchar(40) NOT NULL DEFAULT '',
                "count" integer NOT NULL DEFAULT 0,
                "amount" bigint NOT NULL DEFAULT 0,
                PRIMARY KEY ("metric", "day", "dim1", "dim2")
            )`
        );
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('DROP TABLE "daily_stat"');
    }
}
