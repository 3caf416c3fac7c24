import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';
import * as model from '../entities';
import { MemoryBus, type LiveBus } from '../live/liveBus';
import { PgNotifyBus } from '../live/pgNotifyBus';
import { dbKind } from './dbKind';
import { migrations } from './migrations';
import { keepStatements } from './sqliteStatements';

const entities = Object.values(model);

export interface DataSourceOptions {
    /** postgres://… ; when absent, an SQLite file in dataDir. */
    databaseUrl?: string;
    dataDir: string;
    /** Tests may build the schema from the entities instead of running migrations. */
    logging?: boolean;
}

/** The sqlite3 module as TypeORM loads it: no verbose mode, statements kept prepared. */
function sqliteModule(): typeof sqlite3 {
    const module = Object.create(sqlite3) as typeof sqlite3;
    return Object.assign(module, {
        verbose: () => module,
        Database: function (...args: ConstructorParameters<typeof sqlite3.Database>) {
            return keepStatements(new sqlite3.Database(...args));
        } as unknown as typeof sqlite3.Database,
    });
}

/** Builds the DataSource for the configured engine. Call `openDataSource` to connect. */
export function createDataSource(options: DataSourceOptions): DataSource {
    if (dbKind === 'postgres') {
        if (!options.databaseUrl) throw new Error('DATABASE_URL is required for PostgreSQL');
        return new DataSource({
            type: 'postgres',
            url: options.databaseUrl,
            entities,
            migrations,
            migrationsRun: false,
            synchronize: false,
            logging: options.logging ?? false,
            extra: { max: 20 },
        });
    }
    fs.mkdirSync(options.dataDir, { recursive: true });
    return new DataSource({
        type: 'sqlite',
        // TypeORM switches sqlite3 to verbose mode, which captures a stack trace and formats the
        // arguments of every statement; that halves throughput, so it gets the plain module, whose
        // connection keeps its prepared statements (sqliteStatements.ts).
        driver: sqliteModule(),
        database: path.join(options.dataDir, 'dispute-desk.sqlite'),
        entities,
        migrations,
        migrationsRun: false,
        synchronize: false,
        logging: options.logging ?? false,
        busyErrorRetry: 20,
        enableWAL: true,
    });
}

/**
 * The bus that carries live updates between the processes on this database (live/liveHub.ts):
 * PostgreSQL's LISTEN/NOTIFY, or, on SQLite, whose one process does all the writing, memory.
 */
export function createLiveBus(dataSource: DataSource): LiveBus {
    if (dbKind === 'postgres') {
        const { url } = dataSource.options as { url?: string };
        if (!url) throw new Error('DATABASE_URL is required for PostgreSQL');
        return new PgNotifyBus(dataSource, url);
    }
    return new MemoryBus();
}

/** Connects, tunes SQLite, and runs pending migrations. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
    const dataSource = createDataSource(options);
    await dataSource.initialize();
    if (dbKind === 'sqlite') {
        await dataSource.query('PRAGMA busy_timeout = 5000');
        await dataSource.query('PRAGMA synchronous = NORMAL');
        await dataSource.query('PRAGMA cache_size = -65536');
        await dataSource.query('PRAGMA mmap_size = 268435456');
        await dataSource.query('PRAGMA foreign_keys = ON');
    }
    await dataSource.runMigrations({ transaction: 'each' });
    return dataSource;
}
