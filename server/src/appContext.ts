import type { DataSource } from 'typeorm';
import type { Clock } from './clock';
import type { Config } from './config';

/** What every router and service needs: the database, the configuration and the clock. */
export interface AppContext {
    dataSource: DataSource;
    config: Config;
    clock: Clock;
}
