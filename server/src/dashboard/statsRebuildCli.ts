/** `npx tsx server/src/dashboard/statsRebuildCli.ts`: fills the dashboard's aggregates from the data. */
import { loadConfig } from '../config';
import { openDataSource } from '../db/dataSource';
import { describeDatabase } from '../db/dbKind';
import { rebuildDailyStats } from './statsRebuild';

const config = loadConfig();
const connection = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
const dataSource = await openDataSource(connection);
try {
    const started = Date.now();
    const rows = await rebuildDailyStats(dataSource);
    console.log(
        `Dashboard aggregates of ${describeDatabase(connection)} rebuilt: ${rows} rows in ` +
            `${((Date.now() - started) / 1000).toFixed(1)} s.`
    );
} catch (error) {
    console.error(`Rebuilding the dashboard aggregates failed: ${(error as Error).message}`);
    process.exitCode = 1;
} finally {
    await dataSource.destroy();
}
