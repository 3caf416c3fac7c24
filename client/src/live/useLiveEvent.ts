import { useEffect, useRef } from 'react';
import { subscribeLive, type LiveEvent } from './liveEvents';

/** Calls `onEvent` (its latest version) for every event of the tab's stream while mounted. */
export function useLiveEvent(onEvent: (event: LiveEvent) => void): void {
    const latest = useRef(onEvent);
    useEffect(() => {
        latest.current = onEvent;
    });
    useEffect(() => subscribeLive((event) => latest.current(event)), []);
}
