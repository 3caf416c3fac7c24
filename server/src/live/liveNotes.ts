import type { EntityManager } from 'typeorm';
import type { DisputeChangedEvent } from '../../../shared/live';
import { afterCommit, currentTransaction } from '../db/transaction';
import { liveHub } from './liveHub';

/** Events per NOTIFY: about 120 bytes each, well below PostgreSQL's 8000-byte payload limit. */
const BATCH = 40;

const pending = new WeakMap<object, Map<number, DisputeChangedEvent>>();

/**
 * Notes that a dispute changed, for the live streams: told to every process once the transaction
 * commits, never when it rolls back. A dispute changed twice in one transaction is told once, as
 * it ended.
 */
export function noteDisputeChange(manager: EntityManager, event: DisputeChangedEvent): void {
    const transaction = currentTransaction();
    if (!transaction) return;
    let changes = pending.get(transaction);
    if (!changes) {
        pending.set(transaction, (changes = new Map()));
        const dataSource = manager.connection;
        const collected = changes;
        afterCommit(() => {
            pending.delete(transaction);
            const events = [...collected.values()];
            const bus = liveHub(dataSource).bus;
            for (let i = 0; i < events.length; i += BATCH) {
                bus.publish({ type: 'disputes', events: events.slice(i, i + BATCH) }).catch((error) =>
                    console.error('Live note not sent', error)
                );
            }
        });
    }
    changes.set(event.disputeId, event);
}
