import { PRESENCE_TTL_MS, type PresenceEvent, type Viewer } from '../../../shared/live';
import type { LiveNote } from './liveBus';

interface Seen {
    viewer: Viewer;
    expiresAt: number;
}

const sameViewers = (a: Viewer[], b: Viewer[]) =>
    a.length === b.length && a.every((viewer, i) => viewer.staffId === b[i].staffId);

/**
 * Who has which case page open, as this process heard it from the bus: one entry per tab, each
 * expiring PRESENCE_TTL_MS after its last heartbeat (by this process's clock). Every change of a
 * dispute's viewers, expiry included, is told to `onChange` once.
 */
export class PresenceBoard {
    private readonly tabs = new Map<number, Map<string, Seen>>();
    private readonly told = new Map<number, Viewer[]>();

    constructor(private readonly onChange: (event: PresenceEvent) => void) {}

    /** The distinct staff members viewing a dispute now, by name. */
    viewers(disputeId: number, now: number): Viewer[] {
        const byStaff = new Map<number, Viewer>();
        for (const seen of this.tabs.get(disputeId)?.values() ?? []) {
            if (seen.expiresAt > now) byStaff.set(seen.viewer.staffId, seen.viewer);
        }
        return [...byStaff.values()].sort(
            (a, b) => a.fullName.localeCompare(b.fullName) || a.staffId - b.staffId
        );
    }

    apply(note: Extract<LiveNote, { type: 'presence' }>, now: number): void {
        let tabs = this.tabs.get(note.disputeId);
        const key = `${note.viewer.staffId}:${note.tabId}`;
        if (note.present) {
            if (!tabs) this.tabs.set(note.disputeId, (tabs = new Map()));
            // From when it was said, not heard (an echo can come late), unless that is in the future.
            tabs.set(key, { viewer: note.viewer, expiresAt: Math.min(note.at, now) + PRESENCE_TTL_MS });
        } else {
            tabs?.delete(key);
        }
        this.tellIfChanged(note.disputeId, now);
    }

    /** Forgets the tabs that stopped sending heartbeats, telling who is gone. */
    sweep(now: number): void {
        for (const [disputeId, tabs] of this.tabs) {
            for (const [key, seen] of tabs) if (seen.expiresAt <= now) tabs.delete(key);
            this.tellIfChanged(disputeId, now);
            if (tabs.size === 0) this.tabs.delete(disputeId);
        }
    }

    private tellIfChanged(disputeId: number, now: number) {
        const viewers = this.viewers(disputeId, now);
        if (sameViewers(this.told.get(disputeId) ?? [], viewers)) return;
        if (viewers.length > 0) this.told.set(disputeId, viewers);
        else this.told.delete(disputeId);
        this.onChange({ disputeId, viewers });
    }
}
