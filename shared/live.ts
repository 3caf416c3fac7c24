/**
 * Live updates (GET /api/events) and presence on a case page: the events the server streams and
 * the timing both sides keep to.
 */
import { z } from 'zod';
import type { DisputeStatus, Role } from './domain';

/** The case page says "still here" this often… */
export const PRESENCE_HEARTBEAT_MS = 10_000;
/** …and a viewer who stops saying it is gone after this long. */
export const PRESENCE_TTL_MS = 30_000;
/** A stream sends a comment this often, so that proxies keep it open. */
export const EVENTS_KEEP_ALIVE_MS = 15_000;
/** How long the browser waits before reconnecting a dropped stream (the `retry:` field). */
export const EVENTS_RETRY_MS = 3_000;

/** `event: dispute` — a dispute changed (picked up, released, ruled, a message, evidence…). */
export interface DisputeChangedEvent {
    disputeId: number;
    status: DisputeStatus;
    assigneeId: number | null;
    /** The timeline event kind or lifecycle action that changed it. */
    kind: string;
    /** Who changed it (null for a party or a job). */
    actorStaffId: number | null;
}

export interface Viewer {
    staffId: number;
    fullName: string;
    role: Role;
}

/** `event: presence` — who has a dispute's case page open now. */
export interface PresenceEvent {
    disputeId: number;
    viewers: Viewer[];
}

/** One open case page: a browser tab, told apart from the same person's other tabs. */
export const presenceSchema = z.strictObject({
    tabId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, "-" or "_"'),
});
export type PresenceInput = z.infer<typeof presenceSchema>;
