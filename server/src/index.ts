import { createApp } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { openDataSource } from './db/dataSource';
import { closeReads, openReads } from './db/readers';
import { jobsIntervalSeconds, startScheduler } from './jobs/scheduler';
import { seedDemoIfEmpty } from './seed/seedDemo';

const config = loadConfig();
const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await seedDemoIfEmpty(dataSource, config);

const reads = await openReads(dataSource);

const context = { dataSource, reads, config, clock: systemClock };
const app = createApp(context);
const interval = jobsIntervalSeconds();
const scheduler = interval > 0 ? startScheduler(context, interval) : null;
const server = app.listen(config.port, () => {
    console.log(`Dispute Desk listening on http://localhost:${config.port}`);
});

async function shutdown(signal: string) {
    console.log(`${signal} received, shutting down`);
    server.close();
    await scheduler?.stop();
    await closeReads(dataSource, reads);
    await dataSource.destroy();
    process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
