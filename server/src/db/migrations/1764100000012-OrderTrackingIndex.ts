import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Searching lists by a tracking number (orders, disputes, the queue, buyers) finds it by index. */
export class OrderTrackingIndex1764100000012 implements MigrationInterface {
    name = 'OrderTrackingIndex1764100000012';

    async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('CREATE INDEX "IDX_order_tracking_number" ON "order" ("trackingNumber")');
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('DROP INDEX "IDX_order_tracking_number"');
    }
}
