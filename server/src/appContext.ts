import type { DataSource } from 'typeorm';
import type { Clock } from './clock';
import type { Config } from './config';

/** What every router and service needs: the database, the configuration and the clock. */
export interface AppContext {
    /** The writer: transactions go through `writeTransaction(dataSource, …)`. */
    dataSource: DataSource;
    /**
     * Reads of committed data that never wait for the writer (db/readers.ts): on SQLite its own
     * read-only connections, on PostgreSQL the same pooled DataSource.
     */
    reads: DataSource;
    config: Config;
    clock: Clock;
}
