import type { DisputeChangedEvent, PresenceEvent } from '../../../shared/live';

/** What the tab's one event stream (GET /api/events) hands on to the screens that show live data. */
export type LiveEvent =
    | { type: 'dispute'; data: DisputeChangedEvent }
    | { type: 'presence'; data: PresenceEvent }
    /** The stream (re)connected or the server may have missed events: reload what is shown. */
    | { type: 'resync' };

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();

export function subscribeLive(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
        listeners.delete(listener);
    };
}

export function dispatchLive(event: LiveEvent): void {
    for (const listener of [...listeners]) listener(event);
}
