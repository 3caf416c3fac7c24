import { useEffect, useState } from 'react';
import { useGetIdentity } from 'react-admin';
import { PRESENCE_HEARTBEAT_MS, type Viewer } from '../../../shared/live';
import { sayLeft, sayViewing } from './presenceApi';
import { useLiveEvent } from './useLiveEvent';

/**
 * While mounted, tells the server this tab shows the dispute (a heartbeat, then DELETE on leaving,
 * also when the page is closed) and returns the other staff members who have it open.
 */
export function useDisputePresence(disputeId: number | undefined): Viewer[] {
    const { identity } = useGetIdentity();
    const [viewers, setViewers] = useState<Viewer[]>([]);

    useEffect(() => {
        if (disputeId === undefined) return;
        let active = true;
        const beat = () =>
            sayViewing(disputeId).then(
                (presence) => active && setViewers(presence.viewers),
                () => undefined
            );
        void beat();
        const timer = window.setInterval(beat, PRESENCE_HEARTBEAT_MS);
        const leave = () => sayLeft(disputeId, true);
        // Back from the page cache (pageshow after pagehide): say "here" again.
        const back = (event: PageTransitionEvent) => event.persisted && void beat();
        window.addEventListener('pagehide', leave);
        window.addEventListener('pageshow', back);
        return () => {
            active = false;
            window.clearInterval(timer);
            window.removeEventListener('pagehide', leave);
            window.removeEventListener('pageshow', back);
            sayLeft(disputeId);
            setViewers([]);
        };
    }, [disputeId]);

    useLiveEvent((event) => {
        if (event.type === 'presence' && event.data.disputeId === disputeId) setViewers(event.data.viewers);
        if (event.type === 'resync' && disputeId !== undefined)
            sayViewing(disputeId).then(
                (presence) => setViewers(presence.viewers),
                () => undefined
            );
    });

    return viewers.filter((viewer) => viewer.staffId !== identity?.id);
}
