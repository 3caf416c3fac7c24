import type { Express } from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../shared/domain';
import { createApp } from '../../server/src/app';
import { ManualClock } from '../../server/src/clock';
import { loadConfig, type Config } from '../../server/src/config';
import { openDataSource } from '../../server/src/db/dataSource';
import { closeReads, openReads } from '../../server/src/db/readers';
import { createTestDatabase, type TestDatabase } from './testDatabase';
import { signIn, type Agent } from './agent';

export interface TestApp {
    app: Express;
    dataSource: DataSource;
    /** The app's read side (its own read-only connections on SQLite, `dataSource` on PostgreSQL). */
    reads: DataSource;
    clock: ManualClock;
    config: Config;
    /** Unauthenticated requests. */
    request: () => ReturnType<typeof request>;
    /**
     * Requests made by a signed-in staff member with this role; `name` tells apart several
     * members of one role (created on first use, then reused).
     */
    as(role: Role, name?: string): Promise<Agent>;
    /** Another app with its own connection to the same database, as a second server process would. */
    secondInstance(): Promise<{ app: Express; close(): Promise<void> }>;
    close(): Promise<void>;
}

export const TEST_NOW = new Date('2026-11-20T12:00:00.000Z');

/** The real app on a fresh database, with a clock that stands at TEST_NOW until moved. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
    const database: TestDatabase = await createTestDatabase();
    const config = loadConfig({
        ...env,
        DATA_DIR: database.dataDir,
        INTEGRATION_API_KEY: 'test-integration-key',
    });
    const clock = new ManualClock(TEST_NOW);
    const reads = await openReads(database.dataSource);
    const app = createApp({ dataSource: database.dataSource, reads, config, clock });
    const agents = new Map<string, Agent>();
    return {
        app,
        dataSource: database.dataSource,
        reads,
        clock,
        config,
        request: () => request(app),
        async as(role, name = role) {
            const key = `${role}:${name}`;
            if (!agents.has(key)) agents.set(key, await signIn(app, database.dataSource, role, name));
            return agents.get(key)!;
        },
        async secondInstance() {
            const dataSource = await openDataSource({
                databaseUrl: database.databaseUrl,
                dataDir: database.dataDir,
            });
            const secondReads = await openReads(dataSource);
            return {
                app: createApp({ dataSource, reads: secondReads, config, clock }),
                async close() {
                    await closeReads(dataSource, secondReads);
                    await dataSource.destroy();
                },
            };
        },
        async close() {
            await closeReads(database.dataSource, reads);
            await database.drop();
        },
    };
}
