import type { Identifier } from 'react-admin';
import { httpClient } from '../dataProvider';

/** How many sessions a sign-out-everywhere call ended. */
export interface SessionsEnded {
    ended: number;
}

/** Signs the current staff member out of every other browser and device. */
export async function revokeOtherSessions(): Promise<SessionsEnded> {
    const { json } = await httpClient('/api/auth/sessions/revoke-others', { method: 'POST' });
    return json as SessionsEnded;
}

/** Ends every session of a staff member (supervisors). */
export async function revokeStaffSessions(staffId: Identifier): Promise<SessionsEnded> {
    const { json } = await httpClient(`/api/staff/${encodeURIComponent(staffId)}/revoke-sessions`, {
        method: 'POST',
    });
    return json as SessionsEnded;
}
