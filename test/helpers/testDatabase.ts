import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../server/src/db/dataSource';
import { dbKind } from '../../server/src/db/dbKind';

export interface TestDatabase {
    dataSource: DataSource;
    dataDir: string;
    databaseUrl: string | undefined;
    drop(): Promise<void>;
}

async function adminQuery(baseUrl: string, sql: string) {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
        await client.query(sql);
    } finally {
        await client.end();
    }
}

/** A fresh, migrated database: an SQLite file in a temp dir, or a new PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-test-'));
    let databaseUrl: string | undefined;
    let dropDatabase = async () => {};
    if (dbKind === 'postgres') {
        const base = process.env.DATABASE_URL!;
        const name = `dd_test_${process.pid}_${randomBytes(4).toString('hex')}`;
        await adminQuery(base, `CREATE DATABASE ${name}`);
        const url = new URL(base);
        url.pathname = `/${name}`;
        databaseUrl = url.toString();
        dropDatabase = () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    const dataSource = await openDataSource({ databaseUrl, dataDir });
    return {
        dataSource,
        dataDir,
        databaseUrl,
        async drop() {
            if (dataSource.isInitialized) await dataSource.destroy();
            await dropDatabase();
            fs.rmSync(dataDir, { recursive: true, force: true });
        },
    };
}
