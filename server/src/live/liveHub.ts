import { EventEmitter } from 'node:events';
import type { DataSource } from 'typeorm';
import type { DisputeChangedEvent, PresenceEvent, Viewer } from '../../../shared/live';
import type { Clock } from '../clock';
import { createLiveBus } from '../db/dataSource';
import type { LiveBus, LiveNote } from './liveBus';
import { PresenceBoard } from './presenceBoard';

/** How often departed viewers (no heartbeat for PRESENCE_TTL_MS) are looked for. */
const SWEEP_MS = 2_000;

/** What a stream of GET /api/events may send, before its permission filter. */
export type StreamEvent =
    | { event: 'dispute'; data: DisputeChangedEvent }
    | { event: 'presence'; data: PresenceEvent }
    | { event: 'resync'; data: Record<string, never> };

/**
 * The live side of one database connection (one per process): its bus, the presence it heard of,
 * and the event streams of this process's browser tabs.
 */
export class LiveHub {
    private readonly streams = new EventEmitter().setMaxListeners(0);
    private readonly board = new PresenceBoard((data) => this.emit({ event: 'presence', data }));
    private clock: Clock | null = null;
    private sweeper: NodeJS.Timeout | null = null;

    constructor(readonly bus: LiveBus) {}

    /** Listens to the bus (once, with this clock for presence expiry); resolves when listening. */
    start(clock: Clock): Promise<void> {
        if (!this.clock) {
            this.clock = clock;
            this.bus.subscribe((note) => this.receive(note));
            this.sweeper = setInterval(() => this.board.sweep(clock.now().getTime()), SWEEP_MS);
            this.sweeper.unref();
        }
        return this.bus.ready();
    }

    onEvent(listener: (event: StreamEvent) => void): () => void {
        this.streams.on('event', listener);
        return () => this.streams.off('event', listener);
    }

    /** How many event streams of this process are open. */
    streamCount(): number {
        return this.streams.listenerCount('event');
    }

    /** Tells every process (this one at once) that a tab opened or left a case page. */
    async announce(note: Extract<LiveNote, { type: 'presence' }>): Promise<void> {
        this.board.apply(note, this.now());
        await this.bus.publish(note);
    }

    viewers(disputeId: number): Viewer[] {
        return this.board.viewers(disputeId, this.now());
    }

    /** Calls `listener` when the hub closes (the server is stopping): streams end then. */
    onClose(listener: () => void): () => void {
        this.streams.on('close', listener);
        return () => this.streams.off('close', listener);
    }

    async close(): Promise<void> {
        if (this.sweeper) clearInterval(this.sweeper);
        this.streams.emit('close');
        this.streams.removeAllListeners();
        await this.bus.close();
    }

    private now(): number {
        return (this.clock ?? { now: () => new Date() }).now().getTime();
    }

    private emit(event: StreamEvent) {
        this.streams.emit('event', event);
    }

    private receive(note: LiveNote) {
        if (note.type === 'disputes') {
            for (const data of note.events) this.emit({ event: 'dispute', data });
        } else if (note.type === 'presence') {
            this.board.apply(note, this.now());
        } else {
            this.emit({ event: 'resync', data: {} });
        }
    }
}

const hubs = new WeakMap<DataSource, LiveHub>();

/** The hub of a DataSource, made on first use and closed when the DataSource is destroyed. */
export function liveHub(dataSource: DataSource): LiveHub {
    let hub = hubs.get(dataSource);
    if (hub) return hub;
    const created = new LiveHub(createLiveBus(dataSource));
    hubs.set(dataSource, created);
    // Whoever destroys the DataSource (shutdown, a test's teardown) ends its LISTEN connection too.
    const destroy = dataSource.destroy.bind(dataSource);
    dataSource.destroy = async () => {
        hubs.delete(dataSource);
        await created.close();
        return destroy();
    };
    hub = created;
    return hub;
}
