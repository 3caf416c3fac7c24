import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TIMESTAMP } from '../dbKind';

/** Evidence requests: when the reminder went out, and when and why staff cancelled one. */
export class EvidenceRequestReminder1764100000005 implements MigrationInterface {
    name = 'EvidenceRequestReminder1764100000005';

    async up(queryRunner: QueryRunner): Promise<void> {
        const timestamp = String(TIMESTAMP);
        await queryRunner.query(`ALTER TABLE "evidence_request" ADD COLUMN "reminderSentAt" ${timestamp}`);
        await queryRunner.query(`ALTER TABLE "evidence_request" ADD COLUMN "cancelledAt" ${timestamp}`);
        await queryRunner.query('ALTER TABLE "evidence_request" ADD COLUMN "cancelReason" text');
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('ALTER TABLE "evidence_request" DROP COLUMN "cancelReason"');
        await queryRunner.query('ALTER TABLE "evidence_request" DROP COLUMN "cancelledAt"');
        await queryRunner.query('ALTER TABLE "evidence_request" DROP COLUMN "reminderSentAt"');
    }
}
