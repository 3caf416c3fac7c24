import type { MigrationInterface, QueryRunner } from 'typeorm';

const BANDS = [0, 1, 2, 3];

/**
 * Reused-evidence lookups (an index on the content hash, an image's difference hash and its four
 * indexed 16-bit bands) and the review statuses of issue 9 (`relevant`, `not_relevant`,
 * `unreadable`; the older `accepted`/`rejected` are carried over).
 */
export class AttachmentReuseAndReview1764100000006 implements MigrationInterface {
    name = 'AttachmentReuseAndReview1764100000006';

    async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('ALTER TABLE "attachment" ADD COLUMN "dhash" varchar(16)');
        for (const band of BANDS) {
            await queryRunner.query(`ALTER TABLE "attachment" ADD COLUMN "dhashBand${band}" integer`);
            await queryRunner.query(
                `CREATE INDEX "IDX_attachment_dhash_band${band}" ON "attachment" ("dhashBand${band}")`
            );
        }
        await queryRunner.query('CREATE INDEX "IDX_attachment_sha256" ON "attachment" ("sha256")');
        if (queryRunner.connection.options.type === 'postgres') {
            // SQLite does not enforce a varchar length; PostgreSQL needs room for `not_relevant`.
            await queryRunner.query('ALTER TABLE "attachment" ALTER COLUMN "reviewStatus" TYPE varchar(20)');
        }
        await queryRunner.query(
            `UPDATE "attachment" SET "reviewStatus" = 'relevant' WHERE "reviewStatus" = 'accepted'`
        );
        await queryRunner.query(
            `UPDATE "attachment" SET "reviewStatus" = 'not_relevant' WHERE "reviewStatus" = 'rejected'`
        );
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(
            `UPDATE "attachment" SET "reviewStatus" = 'accepted' WHERE "reviewStatus" = 'relevant'`
        );
        await queryRunner.query(
            `UPDATE "attachment" SET "reviewStatus" = 'rejected' WHERE "reviewStatus" IN ('not_relevant', 'unreadable')`
        );
        if (queryRunner.connection.options.type === 'postgres') {
            await queryRunner.query('ALTER TABLE "attachment" ALTER COLUMN "reviewStatus" TYPE varchar(10)');
        }
        await queryRunner.query('DROP INDEX "IDX_attachment_sha256"');
        for (const band of [...BANDS].reverse()) {
            await queryRunner.query(`DROP INDEX "IDX_attachment_dhash_band${band}"`);
            await queryRunner.query(`ALTER TABLE "attachment" DROP COLUMN "dhashBand${band}"`);
        }
        await queryRunner.query('ALTER TABLE "attachment" DROP COLUMN "dhash"');
    }
}
