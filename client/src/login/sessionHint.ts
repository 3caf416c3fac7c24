/**
 * The server sets the readable cookie `dd_signed_in` beside the HttpOnly session cookie when
 * someone signs in, and clears it on sign-out. Without it an anonymous visit never asks
 * GET /api/auth/me, so the sign-in page makes no call that must fail with 401.
 */
const HINT_COOKIE = 'dd_signed_in';

export function mayBeSignedIn(): boolean {
    return document.cookie.split(';').some((part) => part.trim() === `${HINT_COOKIE}=1`);
}

/** Forgets the hint once the server has said that the session is gone. */
export function clearSignedInHint() {
    document.cookie = `${HINT_COOKIE}=; Max-Age=0; Path=/; SameSite=Strict`;
}
