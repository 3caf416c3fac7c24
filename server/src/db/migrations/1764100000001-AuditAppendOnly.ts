import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The database itself refuses to change or remove an audit event. */
export class AuditAppendOnly1764100000001 implements MigrationInterface {
    name = 'AuditAppendOnly1764100000001';

    async up(queryRunner: QueryRunner): Promise<void> {
        if (queryRunner.connection.options.type === 'postgres') {
            await queryRunner.query(`
                CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
                BEGIN
                    RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP;
                END;
                $$ LANGUAGE plpgsql`);
            await queryRunner.query(`
                CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
                FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
            await queryRunner.query(`
                CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
                FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
            return;
        }
        for (const op of ['UPDATE', 'DELETE']) {
            await queryRunner.query(`
                CREATE TRIGGER audit_event_no_${op.toLowerCase()} BEFORE ${op} ON audit_event
                BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`);
        }
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        if (queryRunner.connection.options.type === 'postgres') {
            await queryRunner.query('DROP TRIGGER audit_event_no_truncate ON audit_event');
            await queryRunner.query('DROP TRIGGER audit_event_append_only ON audit_event');
            await queryRunner.query('DROP FUNCTION audit_event_append_only()');
            return;
        }
        await queryRunner.query('DROP TRIGGER audit_event_no_update');
        await queryRunner.query('DROP TRIGGER audit_event_no_delete');
    }
}
