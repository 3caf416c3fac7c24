import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closes the rewrite paths that the append-only triggers of 1764100000001 left open, for the
 * HMAC-keyed chain (server/src/audit/auditLog.ts):
 * - SQLite: `REPLACE INTO` / `INSERT OR REPLACE` delete the conflicting row without firing the
 *   delete trigger; a BEFORE INSERT trigger refuses an id that already exists (an upsert's
 *   `DO UPDATE` already meets the update trigger).
 * - PostgreSQL: `SET session_replication_role = replica` silences ordinary triggers; the
 *   append-only triggers fire ALWAYS. `ON CONFLICT DO UPDATE` meets the update trigger, a
 *   duplicate id the primary key.
 * Events written before this migration were chained with plain SHA-256 and do not verify under the
 * key: the application had no production data yet, so this is a clean cut (a database from before
 * it is reset with `npm run seed -- --reset`).
 */
export class AuditChainKeyed1764100000003 implements MigrationInterface {
    name = 'AuditChainKeyed1764100000003';

    async up(queryRunner: QueryRunner): Promise<void> {
        if (queryRunner.connection.options.type === 'postgres') {
            await queryRunner.query('ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_append_only');
            await queryRunner.query('ALTER TABLE audit_event ENABLE ALWAYS TRIGGER audit_event_no_truncate');
            return;
        }
        await queryRunner.query(`
            CREATE TRIGGER audit_event_no_replace BEFORE INSERT ON audit_event
            WHEN EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only (REPLACE refused)'); END`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        if (queryRunner.connection.options.type === 'postgres') {
            await queryRunner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_truncate');
            await queryRunner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only');
            return;
        }
        await queryRunner.query('DROP TRIGGER audit_event_no_replace');
    }
}
