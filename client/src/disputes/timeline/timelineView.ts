import { useStore } from 'react-admin';
import type { TimelineEntry } from '../../types';

export type TimelineOrder = 'oldest_first' | 'newest_first';
export const TIMELINE_KINDS = ['messages', 'evidence', 'offers', 'status'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** Which chip shows which entries: rulings count among the status changes they bring. */
const KIND_OF: Record<TimelineEntry['kind'], TimelineKind> = {
    message: 'messages',
    attachment: 'evidence',
    evidence_request: 'evidence',
    offer: 'offers',
    event: 'status',
    decision: 'status',
};

/** The timeline's order and kinds, remembered in react-admin's store (per browser, all disputes). */
export function useTimelineView() {
    const [order, setOrder] = useStore<TimelineOrder>('disputes.timeline.order', 'oldest_first');
    const [kinds, setKinds] = useStore<TimelineKind[]>('disputes.timeline.kinds', [...TIMELINE_KINDS]);
    const apply = (entries: TimelineEntry[]) => {
        const shown = entries.filter((entry) => kinds.includes(KIND_OF[entry.kind]));
        return order === 'newest_first' ? shown.reverse() : shown;
    };
    return { order, setOrder, kinds, setKinds, apply };
}
