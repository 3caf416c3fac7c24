import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { LiveBus, LiveListener, LiveNote } from './liveBus';

export const LIVE_CHANNEL = 'dd_live';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7999;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;

/**
 * PostgreSQL: notes go out with NOTIFY on a pooled connection and come in on one dedicated
 * LISTEN connection per process, opened with the first subscriber and reopened after an error.
 */
export class PgNotifyBus implements LiveBus {
    private readonly emitter = new EventEmitter().setMaxListeners(0);
    private client: pg.Client | null = null;
    private connecting: Promise<void> | null = null;
    private retryMs = RETRY_MIN_MS;
    private retryTimer: NodeJS.Timeout | null = null;
    private closed = false;

    constructor(
        private readonly dataSource: DataSource,
        private readonly url: string
    ) {}

    async publish(note: LiveNote): Promise<void> {
        const payload = JSON.stringify(note);
        if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
            console.error(`A live note of ${Buffer.byteLength(payload)} bytes is too large for NOTIFY`);
            return;
        }
        await this.dataSource.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, payload]);
    }

    subscribe(listener: LiveListener): () => void {
        this.emitter.on('note', listener);
        void this.ready().catch(() => undefined);
        return () => this.emitter.off('note', listener);
    }

    ready(): Promise<void> {
        if (this.closed) return Promise.reject(new Error('The live bus is closed'));
        if (this.client) return Promise.resolve();
        this.connecting ??= this.connect().finally(() => (this.connecting = null));
        return this.connecting;
    }

    async close(): Promise<void> {
        this.closed = true;
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.emitter.removeAllListeners();
        const client = this.client;
        this.client = null;
        await client?.end().catch(() => undefined);
    }

    private async connect(): Promise<void> {
        const client = new pg.Client({ connectionString: this.url });
        client.on('notification', (message) => {
            if (message.channel !== LIVE_CHANNEL || !message.payload) return;
            try {
                this.emitter.emit('note', JSON.parse(message.payload) as LiveNote);
            } catch (error) {
                console.error('A live note could not be read', error);
            }
        });
        client.on('error', (error) => this.lost(client, error));
        client.on('end', () => this.lost(client));
        try {
            await client.connect();
            await client.query(`LISTEN ${LIVE_CHANNEL}`);
        } catch (error) {
            await client.end().catch(() => undefined);
            this.scheduleRetry();
            throw error;
        }
        if (this.closed) {
            await client.end().catch(() => undefined);
            return;
        }
        this.client = client;
        this.retryMs = RETRY_MIN_MS;
    }

    /** The LISTEN connection broke: reconnect, then tell subscribers they may have missed notes. */
    private lost(client: pg.Client, error?: Error) {
        if (this.client !== client || this.closed) return;
        this.client = null;
        if (error) console.error(`The live listener lost its connection: ${error.message}`);
        client.end().catch(() => undefined);
        this.scheduleRetry();
    }

    private scheduleRetry() {
        if (this.closed || this.retryTimer || this.emitter.listenerCount('note') === 0) return;
        this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            this.ready().then(
                () => this.emitter.emit('note', { type: 'resync' } satisfies LiveNote),
                () => undefined
            );
        }, this.retryMs);
        this.retryTimer.unref();
        this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    }
}
