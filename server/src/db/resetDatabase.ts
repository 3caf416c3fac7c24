import fs from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { openDataSource, type DataSourceOptions } from './dataSource';
import { dbKind } from './dbKind';
import { quote } from './sqlInsert';

/** Row counts that tell whether a database already holds data. */
export async function dataCounts(dataSource: DataSource): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of ['staff', 'buyer', 'order', 'dispute']) {
        const rows = (await dataSource.query(`SELECT COUNT(*) AS "n" FROM ${quote(table)}`)) as {
            n: unknown;
        }[];
        counts[table] = Number(rows[0].n);
    }
    return counts;
}

/**
 * Empties every table (the audit log included, which the application itself can never do) and the
 * stored files, then runs the migrations again. Returns the data source to continue with.
 * The audit log refuses DELETE and TRUNCATE, so nothing is deleted row by row: SQLite starts from a
 * new file, PostgreSQL from a new, empty schema (the current one, dropped with everything in it).
 */
export async function resetDatabase(dataSource: DataSource, options: DataSourceOptions): Promise<DataSource> {
    await fs.rm(path.join(options.dataDir, 'files'), { recursive: true, force: true });
    // The audit chain starts again: checkpoints of the old one would read as a rewritten log.
    await fs.rm(path.join(options.dataDir, 'audit-anchor.log'), { force: true });
    if (dbKind === 'postgres') {
        const [{ schema }] = (await dataSource.query('SELECT current_schema() AS "schema"')) as {
            schema: string;
        }[];
        await dataSource.query(`DROP SCHEMA ${quote(schema)} CASCADE`);
        await dataSource.query(`CREATE SCHEMA ${quote(schema)}`);
        await dataSource.runMigrations({ transaction: 'each' });
        return dataSource;
    }
    const file = String(dataSource.options.database);
    await dataSource.destroy();
    for (const suffix of ['', '-wal', '-shm', '-journal']) await fs.rm(file + suffix, { force: true });
    return openDataSource(options);
}
