import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppContext } from '../appContext';
import { fromDbTimestamp, sqlParam } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { Session, Staff } from '../entities';

export const SESSION_COOKIE = 'dd_session';
/**
 * A readable companion of the session cookie (no secret in it): tells the SPA that a session may
 * exist, so that an anonymous visit never probes GET /api/auth/me for a 401.
 */
export const SIGNED_IN_COOKIE = 'dd_signed_in';

/** Touching lastSeenAt at most this often keeps reads from writing on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
}

/** A new session with a fresh 256-bit token (returned once; only its hash is stored). */
export async function createSession(
    manager: EntityManager,
    context: AppContext,
    staff: Staff,
    ip: string | null
) {
    const token = randomBytes(32).toString('base64url');
    const now = context.clock.now();
    const session = await manager.getRepository(Session).save({
        tokenHash: hashToken(token),
        staffId: staff.id,
        csrfToken: randomBytes(32).toString('base64url'),
        createdAt: now,
        lastSeenAt: now,
        absoluteExpiresAt: new Date(now.getTime() + context.config.sessionAbsoluteHours * 3_600_000),
        revokedAt: null,
        ip,
    });
    return { token, session };
}

/** One round trip for a session and its staff member, in fixed SQL: this runs on every request. */
const SESSION_SQL =
    'SELECT s."id", s."staffId", s."csrfToken", s."createdAt", s."lastSeenAt", s."absoluteExpiresAt", ' +
    's."revokedAt", st."email", st."fullName", st."role", st."active", st."locale" ' +
    'FROM "session" s JOIN "staff" st ON st."id" = s."staffId" WHERE s."tokenHash" = ' +
    sqlParam(1);

interface SessionRow {
    id: number;
    staffId: number;
    csrfToken: string;
    createdAt: unknown;
    lastSeenAt: unknown;
    absoluteExpiresAt: unknown;
    revokedAt: unknown;
    email: string;
    fullName: string;
    role: Staff['role'];
    active: unknown;
    locale: Staff['locale'];
}

const toDate = (value: unknown) =>
    value === null || value === undefined ? null : new Date(fromDbTimestamp(value)!);

async function findSession(dataSource: DataSource, tokenHash: string) {
    const [row] = (await dataSource.query(SESSION_SQL, [tokenHash])) as SessionRow[];
    if (!row) return null;
    const staff = Object.assign(new Staff(), {
        id: Number(row.staffId),
        email: row.email,
        fullName: row.fullName,
        role: row.role,
        active: row.active === true || row.active === 1 || row.active === '1',
        locale: row.locale,
    });
    const session = Object.assign(new Session(), {
        id: Number(row.id),
        tokenHash,
        staffId: Number(row.staffId),
        csrfToken: row.csrfToken,
        createdAt: toDate(row.createdAt)!,
        lastSeenAt: toDate(row.lastSeenAt)!,
        absoluteExpiresAt: toDate(row.absoluteExpiresAt)!,
        revokedAt: toDate(row.revokedAt),
    });
    return Object.assign(session, { staff });
}

export type SessionLookup =
    | { ok: true; session: Session; staff: Staff; touch: boolean }
    | { ok: false; reason: 'missing' | 'expired' | 'revoked' | 'inactive' };

/** Finds the live session for a cookie token, enforcing idle and absolute timeouts. */
export async function resolveSession(context: AppContext, token: string | undefined): Promise<SessionLookup> {
    if (!token) return { ok: false, reason: 'missing' };
    const { reads, clock, config } = context;
    // A pure read of committed rows: it never waits for the writer (the touch below is a write).
    const session = await findSession(reads, hashToken(token));
    if (!session) return { ok: false, reason: 'missing' };
    if (session.revokedAt) return { ok: false, reason: 'revoked' };
    const now = clock.now().getTime();
    const idleLimit = new Date(session.lastSeenAt).getTime() + config.sessionIdleMinutes * 60_000;
    if (now >= idleLimit || now >= new Date(session.absoluteExpiresAt).getTime())
        return { ok: false, reason: 'expired' };
    const staff = session.staff;
    if (!staff.active) return { ok: false, reason: 'inactive' };
    return {
        ok: true,
        session,
        staff,
        touch: now - new Date(session.lastSeenAt).getTime() >= TOUCH_INTERVAL_MS,
    };
}

export async function touchSession(context: AppContext, session: Session): Promise<void> {
    await writeTransaction(context.dataSource, (manager) =>
        manager.getRepository(Session).update({ id: session.id }, { lastSeenAt: context.clock.now() })
    );
}

/**
 * Ends live sessions of a staff member (logout, logout everywhere, password change, deactivation):
 * all of them, only one (`{ only }`), or all but one (`{ keep }`); answers how many ended.
 */
export async function revokeSessions(
    manager: EntityManager,
    staffId: number,
    at: Date,
    which: { only?: number; keep?: number } = {}
): Promise<number> {
    const qb = manager
        .createQueryBuilder()
        .update(Session)
        .set({ revokedAt: at })
        .where('staffId = :staffId AND revokedAt IS NULL', { staffId });
    if (which.only !== undefined) qb.andWhere('id = :only', { only: which.only });
    if (which.keep !== undefined) qb.andWhere('id <> :keep', { keep: which.keep });
    const { affected } = await qb.execute();
    return affected ?? 0;
}
