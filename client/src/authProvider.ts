import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import type { Role } from '../../shared/domain';
import { canAccess } from '../../shared/permissions';
import type { Locale } from '../../shared/schemas/preferences';
import { clearSignedInHint, mayBeSignedIn } from './login/sessionHint';

/** GET /api/auth/me: who is signed in, and the CSRF token of the session (the cookie is HttpOnly). */
export interface StaffIdentity extends UserIdentity {
    id: number;
    fullName: string;
    email: string;
    role: Role;
    /** The console's language, remembered on the server for this staff member. */
    locale: Locale;
    csrfToken: string;
}

/** A sign-in failure as an i18n key and its arguments (the login page translates it). */
export class LoginError extends Error {
    constructor(
        message: string,
        readonly messageArgs: Record<string, unknown> = {}
    ) {
        super(message);
    }
}

const STORAGE_KEY = 'dispute-desk.identity';

const readStored = (): StaffIdentity | null => {
    try {
        const stored = sessionStorage.getItem(STORAGE_KEY);
        return stored ? (JSON.parse(stored) as StaffIdentity) : null;
    } catch {
        return null;
    }
};

let identity: StaffIdentity | null = readStored();

const remember = (next: StaffIdentity | null) => {
    identity = next;
    if (!next) clearSignedInHint();
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
};

/** The CSRF token that every state-changing /api request carries. */
export const csrfToken = (): string | undefined => identity?.csrfToken;

async function callAuth(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json' });
    if (init.body) headers.set('Content-Type', 'application/json');
    if (init.method && init.method !== 'GET' && identity) headers.set('X-CSRF-Token', identity.csrfToken);
    return fetch(`/api/auth/${path}`, { ...init, headers, credentials: 'same-origin' });
}

const messageOf = async (response: Response): Promise<string> => {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    return body?.message ?? response.statusText;
};

/** Reloads the identity from the session cookie; null when there is no live session. */
export async function refreshIdentity(): Promise<StaffIdentity | null> {
    const response = await callAuth('me');
    if (response.status === 401) {
        remember(null);
        return null;
    }
    if (!response.ok) throw new HttpError(await messageOf(response), response.status);
    remember((await response.json()) as StaffIdentity);
    return identity;
}

/** PATCH /api/auth/me/preferences: remembers the staff member's language on the server. */
export async function saveLocale(locale: Locale): Promise<void> {
    const response = await callAuth('me/preferences', { method: 'PATCH', body: JSON.stringify({ locale }) });
    if (!response.ok) throw new HttpError(await messageOf(response), response.status);
    if (identity) remember({ ...identity, locale });
}

let probe: Promise<StaffIdentity | null> | null = null;

/** The identity, asking the server at most once at a time, and not at all when nobody signed in here. */
const currentIdentity = async (): Promise<StaffIdentity | null> => {
    if (identity) return identity;
    if (!mayBeSignedIn()) return null;
    probe ??= refreshIdentity().finally(() => (probe = null));
    return probe;
};

function loginFailure(response: Response, message: string): LoginError {
    if (response.status === 401) return new LoginError('app.auth.wrong_credentials');
    if (response.status === 400) return new LoginError('app.auth.email_invalid');
    if (response.status === 429) {
        const minutes = Math.max(1, Math.ceil(Number(response.headers.get('Retry-After') ?? 60) / 60));
        return new LoginError('app.auth.locked_out', { smart_count: minutes, _: message });
    }
    return new LoginError(message);
}

export const authProvider: AuthProvider = {
    async login({ email, username, password }: { email?: string; username?: string; password: string }) {
        let response: Response;
        try {
            response = await callAuth('login', {
                method: 'POST',
                body: JSON.stringify({ email: String(email ?? username ?? '').trim(), password }),
            });
        } catch {
            throw new LoginError('app.auth.offline');
        }
        if (!response.ok) throw loginFailure(response, await messageOf(response));
        remember((await response.json()) as StaffIdentity);
    },

    async logout() {
        if (identity) await callAuth('logout', { method: 'POST' }).catch(() => undefined);
        remember(null);
    },

    async checkAuth() {
        // A failed check on first visit is not worth a notification: the login page says enough.
        if (!(await currentIdentity())) throw { message: false };
    },

    async checkError(error: { status?: number }) {
        // 403 means "not allowed", not "signed out": the page shows the refusal and the session goes on.
        if (error?.status === 401) throw { message: 'app.auth.session_ended' };
    },

    async getIdentity() {
        const current = await currentIdentity();
        if (!current) throw new Error('ra.auth.auth_check_error');
        return current;
    },

    async getPermissions() {
        return (await currentIdentity())?.role;
    },

    async canAccess({ action, resource, record }) {
        const current = await currentIdentity();
        return canAccess(current?.role, { action, resource, record, staffId: current?.id });
    },
};
