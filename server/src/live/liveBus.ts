import { EventEmitter } from 'node:events';
import type { DisputeChangedEvent, Viewer } from '../../../shared/live';

/** What one process tells every process of the deployment (itself included). */
export type LiveNote =
    /** Disputes one transaction changed (a batch keeps a busy transaction to a few NOTIFYs). */
    | { type: 'disputes'; events: DisputeChangedEvent[] }
    /** A tab showing a case page said "here" (`present`) or "gone". */
    | {
          type: 'presence';
          disputeId: number;
          tabId: string;
          viewer: Viewer;
          present: boolean;
          /** When the tab said it (ms since the epoch, by the sending process's clock). */
          at: number;
      }
    /** Notes may have been missed (the listener reconnected): whoever shows live data reloads it. */
    | { type: 'resync' };

export type LiveListener = (note: LiveNote) => void;

/**
 * Fans notes out between the server processes sharing a database. The engine is chosen with the
 * database (db/dataSource.ts `createLiveBus`): in memory on SQLite, LISTEN/NOTIFY on PostgreSQL.
 */
export interface LiveBus {
    publish(note: LiveNote): Promise<void>;
    /** Starts listening if needed; the returned function stops this listener. */
    subscribe(listener: LiveListener): () => void;
    /** Resolves once notes published from now on will reach the subscribers. */
    ready(): Promise<void>;
    close(): Promise<void>;
}

/** SQLite: one process writes the database, so the notes stay in it. */
export class MemoryBus implements LiveBus {
    private readonly emitter = new EventEmitter().setMaxListeners(0);

    async publish(note: LiveNote): Promise<void> {
        this.emitter.emit('note', note);
    }

    subscribe(listener: LiveListener): () => void {
        this.emitter.on('note', listener);
        return () => this.emitter.off('note', listener);
    }

    async ready(): Promise<void> {}

    async close(): Promise<void> {
        this.emitter.removeAllListeners();
    }
}
