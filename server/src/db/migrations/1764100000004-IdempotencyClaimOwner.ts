import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which server process claimed an idempotency key: a claim of a process that died is retried at once. */
export class IdempotencyClaimOwner1764100000004 implements MigrationInterface {
    name = 'IdempotencyClaimOwner1764100000004';

    async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('ALTER TABLE "idempotency_key" ADD COLUMN "bootId" varchar(36)');
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('ALTER TABLE "idempotency_key" DROP COLUMN "bootId"');
    }
}
