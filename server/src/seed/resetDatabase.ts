import fs from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { openDataSource, type DataSourceOptions } from '../db/dataSource';
import { dbKind } from '../db/dbKind';
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
 * stored files. SQLite: the database file is recreated; PostgreSQL: the tables are truncated.
 * Returns the data source to continue with.
 */
export async function resetDatabase(dataSource: DataSource, options: DataSourceOptions): Promise<DataSource> {
    await fs.rm(path.join(options.dataDir, 'files'), { recursive: true, force: true });
    if (dbKind === 'postgres') {
        const tables = dataSource.entityMetadatas.map((meta) => quote(meta.tableName));
        await dataSource.query(`TRUNCATE TABLE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
        return dataSource;
    }
    // Append-only triggers refuse DELETE on the audit log, so start from a new file instead.
    const file = String(dataSource.options.database);
    await dataSource.destroy();
    for (const suffix of ['', '-wal', '-shm', '-journal']) await fs.rm(file + suffix, { force: true });
    return openDataSource(options);
}
