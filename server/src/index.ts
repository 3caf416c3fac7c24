import { createApp } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { openDataSource } from './db/dataSource';
import { closeReads, openReads } from './db/readers';
import { jobsIntervalSeconds, startScheduler } from './jobs/scheduler';
import { startDeliveryWorker } from './outbox/deliveryWorker';
import { seedDemoIfEmpty } from './seed/seedDemo';

const config = loadConfig();
const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await seedDemoIfEmpty(dataSource, config);

const reads = await openReads(dataSource);

const context = { dataSource, reads, config, clock: systemClock };
const app = createApp(context);
const interval = jobsIntervalSeconds();
const scheduler = interval > 0 ? startScheduler(context, interval) : null;
if (!config.webhook.url)
    console.log('MARKETPLACE_WEBHOOK_URL is not set: outbox events stay pending, nothing is sent');
const deliveries = config.webhook.url ? startDeliveryWorker(context) : null;
const server = app.listen(config.port, () => {
    console.log(`Dispute Desk listening on http://localhost:${config.port}`);
});

/** Longest a clean stop may take: an attempt in flight ends within its timeout, a job batch soon after. */
const SHUTDOWN_GRACE_MS = config.webhook.timeoutMs + 10_000;
let stopping = false;

async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    setTimeout(() => {
        console.error(`Shutdown did not finish within ${SHUTDOWN_GRACE_MS} ms; exiting`);
        process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    server.close();
    server.closeIdleConnections();
    // Attempts in flight finish (each within WEBHOOK_TIMEOUT_MS); claims not yet started are given back.
    await Promise.all([scheduler?.stop(), deliveries?.stop()]);
    await closeReads(dataSource, reads);
    await dataSource.destroy();
    process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
