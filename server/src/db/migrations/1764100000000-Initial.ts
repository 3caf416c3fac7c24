import type { MigrationInterface, QueryRunner } from 'typeorm';
import { POSTGRES_DOWN, POSTGRES_UP } from './1764100000000-Initial.postgres';
import { SQLITE_DOWN, SQLITE_UP } from './1764100000000-Initial.sqlite';

/** The first schema: every table of the data model, for SQLite and for PostgreSQL. */
export class Initial1764100000000 implements MigrationInterface {
    name = 'Initial1764100000000';

    async up(queryRunner: QueryRunner): Promise<void> {
        const postgres = queryRunner.connection.options.type === 'postgres';
        for (const statement of postgres ? POSTGRES_UP : SQLITE_UP) await queryRunner.query(statement);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
        const postgres = queryRunner.connection.options.type === 'postgres';
        for (const statement of postgres ? POSTGRES_DOWN : SQLITE_DOWN) await queryRunner.query(statement);
    }
}
