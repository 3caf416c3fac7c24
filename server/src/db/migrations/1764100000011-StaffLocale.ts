import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language each staff member works in (issue 12): 'en' until they choose another. */
export class StaffLocale1764100000011 implements MigrationInterface {
    name = 'StaffLocale1764100000011';

    async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff" ADD COLUMN "locale" varchar(5) NOT NULL DEFAULT 'en'`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('ALTER TABLE "staff" DROP COLUMN "locale"');
    }
}
