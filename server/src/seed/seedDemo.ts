import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { Staff } from '../entities';

/** Placeholder until the demo seed lands: creates nothing. */
export async function seedDemoIfEmpty(dataSource: DataSource, _config: Config): Promise<void> {
    await dataSource.getRepository(Staff).count();
}
