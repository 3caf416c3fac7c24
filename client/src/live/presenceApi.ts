import type { PresenceEvent } from '../../../shared/live';
import { csrfToken } from '../authProvider';
import { httpClient } from '../dataProvider';

const url = (disputeId: number) => `/api/disputes/${disputeId}/presence`;

/** This tab, told apart from the same person's other tabs on the same case. */
export const TAB_ID = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) =>
    byte.toString(16).padStart(2, '0')
).join('');

/** The tab's presence calls, one after the other: a "left" must not overtake a later "here". */
let chain: Promise<unknown> = Promise.resolve();
const inTurn = <T>(call: () => Promise<T>): Promise<T> => {
    const result = chain.then(call, call);
    chain = result.catch(() => undefined);
    return result;
};

/** "This tab shows the dispute" (POST, every PRESENCE_HEARTBEAT_MS); answers who else does. */
export function sayViewing(disputeId: number): Promise<PresenceEvent> {
    return inTurn(async () => {
        const { json } = await httpClient(url(disputeId), {
            method: 'POST',
            body: JSON.stringify({ tabId: TAB_ID }),
        });
        return json as PresenceEvent;
    });
}

/**
 * "This tab left" (DELETE). `keepalive` lets it finish while the page unloads; sendBeacon cannot
 * carry the CSRF header the API wants on every state change.
 */
export function sayLeft(disputeId: number, unloading = false): void {
    const call = () =>
        fetch(url(disputeId), {
            method: 'DELETE',
            keepalive: true,
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() ?? '' },
            body: JSON.stringify({ tabId: TAB_ID }),
        });
    // A page being unloaded has no time to wait for its turn.
    (unloading ? call() : inTurn(call)).catch(() => undefined);
}
