import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AppContext } from '../appContext';
import { unauthorized } from '../http/HttpError';
import { AccessDenied } from './authorize';
import { readCookie } from '../http/cookies';
import { resolveSession, SESSION_COOKIE, touchSession } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
}

/** Requires a live session (401 otherwise) and, for state changes, the session's CSRF token (403). */
export function authenticate(context: AppContext): RequestHandler {
    return async (req, _res, next) => {
        const lookup = await resolveSession(context, readCookie(req.headers.cookie, SESSION_COOKIE));
        if (!lookup.ok) {
            const message =
                lookup.reason === 'expired' ? 'Your session has expired; sign in again' : 'Sign in first';
            return next(unauthorized(message));
        }
        if (!SAFE_METHODS.has(req.method)) {
            const sent = req.get('x-csrf-token');
            if (!sent || !sameToken(sent, lookup.session.csrfToken)) {
                req.staff = lookup.staff;
                const reason = 'Missing or wrong X-CSRF-Token header; reload the page and try again';
                return next(new AccessDenied({ resource: 'api', action: 'csrf_check' }, reason));
            }
        }
        if (lookup.touch) await touchSession(context, lookup.session);
        req.staff = lookup.staff;
        req.authSession = lookup.session;
        next();
    };
}
