/**
 * The outbox draining to a local receiver that verifies every signature, through the real server
 * (`server/src/index.ts`, its delivery worker running):
 * 1. a backlog: BENCH_OUTBOX_EVENTS (default 10,000) events queued before the server starts,
 *    drained at full speed — events/s from the server being ready to the last receipt;
 * 2. live traffic: staff messages posted through the API (each queues `message.posted` for both
 *    parties) at BENCH_OUTBOX_RATE messages/s — the end-to-end lag, from the change to the receipt.
 * Duplicates (an event received twice) over both. Targets: ≥ 500 events/s, 0 duplicates.
 * Only the server writes to the database while it runs (several processes on one SQLite file are
 * not a supported setup).
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
import {
    forEachBenchDatabase,
    ms,
    signIn,
    staffPost,
    startServer,
    summary,
    type BenchDb,
} from './benchSupport';

const SECRET = 'bench-webhook-secret';
const EVENTS_PER_DISPUTE = 4;

export interface OutboxDrainResult {
    events: number;
    seconds: number;
    eventsPerSecond: number;
    /** Events of the live phase received (two per staff message). */
    liveEvents: number;
    lagP50Ms: number;
    lagP95Ms: number;
    duplicates: number;
    badSignatures: number;
}

interface Receiver {
    url: string;
    /** First receipt time of each backlog event of this run, by webhook-id. */
    received: Map<string, number>;
    /** Lag of each live event (a staff message of this run), by webhook-id. */
    live: Map<string, number>;
    duplicates: number;
    badSignatures: number;
    close(): Promise<void>;
}

async function startReceiver(runId: string): Promise<Receiver> {
    const receiver: Receiver = {
        url: '',
        received: new Map(),
        live: new Map(),
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
            const parsed = JSON.parse(body) as {
                data: { benchRun?: string; body?: string; sentAt?: string };
            };
            const seen = receiver.received.has(id) || receiver.live.has(id);
            if (parsed.data.benchRun === runId) {
                if (seen) receiver.duplicates++;
                else receiver.received.set(id, at);
            } else if (parsed.data.body?.includes(runId)) {
                if (seen) receiver.duplicates++;
                // A staff message's event: from the message being written to its receipt.
                else receiver.live.set(id, at - Date.parse(parsed.data.sentAt!));
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

/** Queues the backlog straight into the database, before the server runs. */
async function queueBacklog(db: BenchDb, runId: string, total: number): Promise<void> {
    const config = loadConfig({ ...process.env, ...db.env });
    const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
        for (let queued = 0; queued < total; queued += 1000) {
            const count = Math.min(1000, total - queued);
            const messages: OutboxMessage[] = Array.from({ length: count }, (_, i) => {
                const n = queued + i;
                return {
                    type: 'dispute.closed',
                    disputeId: 1_000_000_000 + Math.floor(n / EVENTS_PER_DISPUTE),
                    audience: null,
                    payload: { benchRun: runId, n, outcome: 'full_refund' },
                };
            });
            await writeTransaction(dataSource, (tx) => enqueue(tx, messages, new Date()));
        }
    } finally {
        await dataSource.destroy();
    }
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done() && Date.now() < deadline) await sleep(20);
}

/** Drains a backlog, then live traffic, through the real server's worker to a local receiver. */
export async function benchOutboxDrain(
    db: BenchDb,
    options: { events?: number; rate?: number } = {}
): Promise<OutboxDrainResult> {
    const total = options.events ?? Number(process.env.BENCH_OUTBOX_EVENTS ?? 10_000);
    const rate = options.rate ?? Number(process.env.BENCH_OUTBOX_RATE ?? 50);
    const liveMessages = Math.max(1, rate * 10);
    const runId = randomUUID();
    const receiver = await startReceiver(runId);
    await queueBacklog(db, runId, total);
    const server = await startServer(db, {
        MARKETPLACE_WEBHOOK_URL: receiver.url,
        MARKETPLACE_WEBHOOK_SECRET: SECRET,
        WEBHOOK_POLL_MS: '50',
    });
    try {
        const ready = Date.now();
        await waitFor(() => receiver.received.size >= total, 300_000);
        const seconds = (Math.max(...receiver.received.values(), ready) - ready) / 1000;

        // Live: staff messages to both parties on disputes in the queue, at `rate` per second.
        const session = await signIn(server.url, 'supervisor@example.com', 'dispute-desk-demo');
        const listed = await fetch(
            `${server.url}/api/disputes?filter=${encodeURIComponent('{"status":"escalated"}')}&range=[0,49]`,
            { headers: { cookie: session.cookie } }
        );
        const disputes = (await listed.json()) as { id: number }[];
        const started = Date.now();
        for (let i = 0; i < liveMessages && disputes.length > 0; i++) {
            const dispute = disputes[i % disputes.length];
            void staffPost(`${server.url}/api/disputes/${dispute.id}/messages`, session, {
                visibility: 'both',
                body: `Bench ${runId} message ${i}: we are looking into it.`,
            });
            await sleep(Math.max(0, started + ((i + 1) / rate) * 1000 - Date.now()));
        }
        await waitFor(() => receiver.live.size >= liveMessages * 2, 60_000);
        // Anything sent twice would arrive shortly after: give it a moment.
        await sleep(500);
        const lags = summary([...receiver.live.values()]);
        return {
            events: receiver.received.size,
            seconds,
            eventsPerSecond: receiver.received.size / Math.max(seconds, 0.001),
            liveEvents: receiver.live.size,
            lagP50Ms: lags.p50 ?? NaN,
            lagP95Ms: lags.p95 ?? NaN,
            duplicates: receiver.duplicates,
            badSignatures: receiver.badSignatures,
        };
    } finally {
        await server.stop();
        await receiver.close();
    }
}

export function printOutboxDrain(label: string, result: OutboxDrainResult): void {
    console.log(
        `[${label}] outbox drain: ${result.events.toLocaleString('en-US')} events in ${result.seconds.toFixed(1)} s = ` +
            `${result.eventsPerSecond.toFixed(0)} events/s (target ≥ 500); live: ${result.liveEvents} events, lag ` +
            `p50 ${ms(result.lagP50Ms)}, p95 ${ms(result.lagP95Ms)}; duplicates ${result.duplicates} (target 0); ` +
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
