import { useEffect, useRef } from 'react';
import { useQueryClient, type Query } from '@tanstack/react-query';
import { dispatchLive, type LiveEvent } from './liveEvents';
import { useLiveEvent } from './useLiveEvent';

/** Lists whose rows or counts move when others pick up, release or rule (not a record on screen). */
const LIST_RESOURCES = ['disputes', 'decisions'];
const LIST_CALLS = ['getList', 'getManyReference'];
const isLiveList = ({ queryKey }: Query) =>
    queryKey[0] === 'queue' ||
    (LIST_RESOURCES.includes(String(queryKey[0])) && LIST_CALLS.includes(String(queryKey[1])));

/** Several changes in a burst (a bulk ruling) refresh the lists once. */
const DEBOUNCE_MS = 300;
/** After the server refused the stream (a 401 closes it for good), try again this much later… */
const REOPEN_MIN_MS = 2_000;
/** …doubling up to this. */
const REOPEN_MAX_MS = 60_000;

function openStream(): () => void {
    let source: EventSource | null = null;
    let reopenMs = REOPEN_MIN_MS;
    let timer: number | undefined;
    let stopped = false;
    let dropped = false;
    const forward = (type: 'dispute' | 'presence') => (message: MessageEvent<string>) => {
        try {
            dispatchLive({ type, data: JSON.parse(message.data) } as LiveEvent);
        } catch {
            // A malformed event is skipped.
        }
    };
    const open = () => {
        source = new EventSource('/api/events');
        source.addEventListener('dispute', forward('dispute'));
        source.addEventListener('presence', forward('presence'));
        source.addEventListener('resync', () => dispatchLive({ type: 'resync' }));
        source.onopen = () => {
            reopenMs = REOPEN_MIN_MS;
            // Back after a drop: what changed meanwhile was not streamed.
            if (dropped) dispatchLive({ type: 'resync' });
            dropped = false;
        };
        source.onerror = () => {
            dropped = true;
            if (source?.readyState !== EventSource.CLOSED || stopped) return;
            timer = window.setTimeout(open, reopenMs);
            reopenMs = Math.min(reopenMs * 2, REOPEN_MAX_MS);
        };
    };
    open();
    return () => {
        stopped = true;
        window.clearTimeout(timer);
        source?.close();
    };
}

/**
 * The tab's one event stream, opened by the Layout while someone is signed in: it hands events
 * to the screens (useLiveEvent) and refreshes the queue, My cases, the lists and their counts
 * when disputes change.
 */
export const LiveEvents = () => {
    const queryClient = useQueryClient();
    const pending = useRef<number | undefined>(undefined);
    useEffect(openStream, []);
    useEffect(() => () => window.clearTimeout(pending.current), []);
    useLiveEvent((event) => {
        if (event.type === 'presence') return;
        window.clearTimeout(pending.current);
        pending.current = window.setTimeout(
            () => queryClient.invalidateQueries({ predicate: isLiveList }),
            DEBOUNCE_MS
        );
    });
    return null;
};
