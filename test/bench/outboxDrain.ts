/**
 * The outbox draining to a local receiver: BENCH_OUTBOX_EVENTS (default 10,000) events are queued
 * at BENCH_OUTBOX_RATE events/s (default 1000; 0 = all at once, a backlog) while the real server
 * (`server/src/index.ts`, its delivery worker running) sends them to a node:http receiver that
 * verifies every signature. Prints events/s (first queued → last received), the end-to-end lag
 * (createdAt → receipt) p50/p95, and duplicates. Targets: ≥ 500 events/s, 0 duplicates.
 *
 * `benchOutboxDrain(db)` runs inside a process whose DATABASE_URL is `db`'s (forEachBenchDatabase).
 */
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../server/src/config';
import { openDataSource } from '../../server/src/db/dataSource';
import { writeTransaction } from '../../server/src/db/transaction';
import { enqueue, type OutboxMessage } from '../../server/src/outbox/outbox';
import { forEachBenchDatabase, ms, startServer, summary, type BenchDb } from './benchSupport';

const SECRET = 'bench-webhook-secret';
const EVENTS_PER_DISPUTE = 4;

export interface OutboxDrainResult {
    events: number;
    seconds: number;
    eventsPerSecond: number;
    lagP50Ms: number;
    lagP95Ms: number;
    duplicates: number;
    badSignatures: number;
}

interface Receiver {
    url: string;
    /** First receipt time of each event of this run, by webhook-id. */
    received: Map<string, number>;
    duplicates: number;
    badSignatures: number;
    close(): Promise<void>;
}

async function startReceiver(runId: string): Promise<Receiver> {
    const receiver: Receiver = {
        url: '',
        received: new Map(),
        duplicates: 0,
        badSignatures: 0,
        close: async () => undefined,
    };
    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
            const at = Date.now();
            const body = Buffer.concat(chunks).toString('utf8');
            const id = String(req.headers['webhook-id']);
            const timestamp = String(req.headers['webhook-timestamp']);
            const expected = createHmac('sha256', SECRET)
                .update(`${id}.${timestamp}.${body}`)
                .digest('base64');
            if (req.headers['webhook-signature'] !== `v1,${expected}`) receiver.badSignatures++;
            const parsed = JSON.parse(body) as { timestamp: string; data: { benchRun?: string } };
            if (parsed.data.benchRun === runId) {
                if (receiver.received.has(id)) receiver.duplicates++;
                // The body's timestamp is the event's createdAt.
                else receiver.received.set(id, at - Date.parse(parsed.timestamp));
            }
            res.writeHead(204).end();
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
    receiver.close = () =>
        new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        });
    return receiver;
}

const sleep = (msToWait: number) => new Promise((resolve) => setTimeout(resolve, msToWait));

/** Drains `events` outbox events through the real server's worker to a local receiver. */
export async function benchOutboxDrain(
    db: BenchDb,
    options: { events?: number; rate?: number } = {}
): Promise<OutboxDrainResult> {
    const total = options.events ?? Number(process.env.BENCH_OUTBOX_EVENTS ?? 10_000);
    const rate = options.rate ?? Number(process.env.BENCH_OUTBOX_RATE ?? 1000);
    const runId = randomUUID();
    const receiver = await startReceiver(runId);
    const server = await startServer(db, {
        MARKETPLACE_WEBHOOK_URL: receiver.url,
        MARKETPLACE_WEBHOOK_SECRET: SECRET,
        WEBHOOK_POLL_MS: '50',
    });
    const config = loadConfig({ ...process.env, ...db.env });
    const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
        const batch = rate > 0 ? Math.max(1, Math.round(rate / 20)) : 500;
        const started = Date.now();
        for (let queued = 0; queued < total; queued += batch) {
            const count = Math.min(batch, total - queued);
            const now = new Date();
            const messages: OutboxMessage[] = Array.from({ length: count }, (_, i) => {
                const n = queued + i;
                return {
                    type: 'dispute.closed',
                    disputeId: 1 + Math.floor(n / EVENTS_PER_DISPUTE),
                    audience: null,
                    payload: { benchRun: runId, n, outcome: 'full_refund' },
                };
            });
            await writeTransaction(dataSource, (tx) => enqueue(tx, messages, now));
            if (rate > 0) {
                const due = started + ((queued + count) / rate) * 1000;
                await sleep(Math.max(0, due - Date.now()));
            }
        }
        const deadline = Date.now() + 300_000;
        while (receiver.received.size < total && Date.now() < deadline) await sleep(20);
        const seconds = (Date.now() - started) / 1000;
        // Anything sent twice would arrive shortly after: give it a moment.
        await sleep(500);
        const lags = summary([...receiver.received.values()]);
        return {
            events: receiver.received.size,
            seconds,
            eventsPerSecond: receiver.received.size / seconds,
            lagP50Ms: lags.p50,
            lagP95Ms: lags.p95,
            duplicates: receiver.duplicates,
            badSignatures: receiver.badSignatures,
        };
    } finally {
        await dataSource.destroy();
        await server.stop();
        await receiver.close();
    }
}

export function printOutboxDrain(label: string, result: OutboxDrainResult): void {
    console.log(
        `[${label}] outbox drain: ${result.events.toLocaleString('en-US')} events in ${result.seconds.toFixed(1)} s = ` +
            `${result.eventsPerSecond.toFixed(0)} events/s (target ≥ 500); lag p50 ${ms(result.lagP50Ms)}, ` +
            `p95 ${ms(result.lagP95Ms)}; duplicates ${result.duplicates} (target 0); ` +
            `bad signatures ${result.badSignatures}`
    );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    await forEachBenchDatabase(import.meta.url, async (db) => {
        // SQLite: a file of its own (the server seeds its demo data there on first start).
        const own =
            db.label === 'sqlite' ? { ...db, env: { ...db.env, DATA_DIR: `${db.env.DATA_DIR}-outbox` } } : db;
        printOutboxDrain(db.label, await benchOutboxDrain(own));
    });
}
