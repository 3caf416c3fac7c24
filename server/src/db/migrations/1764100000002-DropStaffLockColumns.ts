import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `staff.failedLoginCount` and `staff.lockedUntil` were never written: the lockout is computed from
 * the login attempts (server/src/auth/loginThrottle.ts).
 */
export class DropStaffLockColumns1764100000002 implements MigrationInterface {
    name = 'DropStaffLockColumns1764100000002';

    async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('ALTER TABLE "staff" DROP COLUMN "failedLoginCount"');
        await queryRunner.query('ALTER TABLE "staff" DROP COLUMN "lockedUntil"');
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        if (queryRunner.connection.options.type === 'postgres') {
            await queryRunner.query(
                'ALTER TABLE "staff" ADD COLUMN "failedLoginCount" integer NOT NULL DEFAULT \'0\''
            );
            await queryRunner.query('ALTER TABLE "staff" ADD COLUMN "lockedUntil" TIMESTAMP WITH TIME ZONE');
            return;
        }
        await queryRunner.query(
            'ALTER TABLE "staff" ADD COLUMN "failedLoginCount" integer NOT NULL DEFAULT (0)'
        );
        await queryRunner.query('ALTER TABLE "staff" ADD COLUMN "lockedUntil" datetime');
    }
}
