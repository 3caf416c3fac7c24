import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TIMESTAMP } from '../dbKind';

/**
 * Rulings, refunds and webhook delivery (issue 10): what a precedent search needs on the decision
 * (the dispute's reason, received flag and order total, copied at ruling time), the approval
 * comment and the return's tracking; overdue refunds; the parties' outcome counters; leased
 * outbox rows (`failed` becomes `dead`, dead-lettered) and the response of each delivery attempt.
 */
export class RulingsAndDelivery1764100000007 implements MigrationInterface {
    name = 'RulingsAndDelivery1764100000007';

    async up(queryRunner: QueryRunner): Promise<void> {
        const timestamp = String(TIMESTAMP);
        const add = (table: string, column: string, type: string) =>
            queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "${column}" ${type}`);

        await add('decision', 'reason', 'varchar(40)');
        await add('decision', 'goodsReceived', 'boolean');
        await add('decision', 'orderTotal', 'integer');
        await add('decision', 'approvalComment', 'text');
        await add('decision', 'returnTrackingNumber', 'varchar(64)');
        await add('decision', 'returnCarrier', 'varchar(64)');
        await add('decision', 'returnShippedAt', timestamp);
        await queryRunner.query(
            `UPDATE "decision" SET
                "reason" = (SELECT "reason" FROM "dispute" WHERE "dispute"."id" = "decision"."disputeId"),
                "goodsReceived" = (SELECT "goodsReceived" FROM "dispute" WHERE "dispute"."id" = "decision"."disputeId"),
                "orderTotal" = (SELECT "order"."total" FROM "dispute" JOIN "order" ON "order"."id" = "dispute"."orderId"
                                WHERE "dispute"."id" = "decision"."disputeId")`
        );
        await queryRunner.query(
            'CREATE INDEX "IDX_decision_precedent" ON "decision" ("reason", "goodsReceived", "currency", "status", "issuedAt")'
        );

        await add('refund', 'overdueAt', timestamp);
        await add('refund', 'reference', 'varchar(128)');
        await queryRunner.query('CREATE INDEX "IDX_refund_due" ON "refund" ("status", "dueBy")');
        await add('dispute', 'refundOverdueAt', timestamp);

        for (const column of ['disputesPartialCount', 'disputesLostCount']) {
            await add('buyer', column, 'integer NOT NULL DEFAULT 0');
        }
        for (const column of ['disputesPartialCount', 'disputesWonCount']) {
            await add('seller', column, 'integer NOT NULL DEFAULT 0');
        }

        await add('outbox_event', 'leaseHolder', 'varchar(64)');
        await add('outbox_event', 'leaseUntil', timestamp);
        await queryRunner.query(`UPDATE "outbox_event" SET "status" = 'dead' WHERE "status" = 'failed'`);
        await queryRunner.query(
            'CREATE INDEX "IDX_outbox_dispute_order" ON "outbox_event" ("disputeId", "id")'
        );
        await add('webhook_delivery', 'responseBody', 'text');
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        const drop = (table: string, column: string) =>
            queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
        await drop('webhook_delivery', 'responseBody');
        await queryRunner.query('DROP INDEX "IDX_outbox_dispute_order"');
        await queryRunner.query(`UPDATE "outbox_event" SET "status" = 'failed' WHERE "status" = 'dead'`);
        await drop('outbox_event', 'leaseUntil');
        await drop('outbox_event', 'leaseHolder');
        await drop('seller', 'disputesWonCount');
        await drop('seller', 'disputesPartialCount');
        await drop('buyer', 'disputesLostCount');
        await drop('buyer', 'disputesPartialCount');
        await drop('dispute', 'refundOverdueAt');
        await queryRunner.query('DROP INDEX "IDX_refund_due"');
        await drop('refund', 'reference');
        await drop('refund', 'overdueAt');
        await queryRunner.query('DROP INDEX "IDX_decision_precedent"');
        for (const column of [
            'returnShippedAt',
            'returnCarrier',
            'returnTrackingNumber',
            'approvalComment',
            'orderTotal',
            'goodsReceived',
            'reason',
        ]) {
            await drop('decision', column);
        }
    }
}
