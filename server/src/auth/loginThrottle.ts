import type { EntityManager } from 'typeorm';
import type { Policy } from '../../../shared/policy';
import { toDbTimestamp } from '../db/dbKind';
import { lockKeys } from '../db/keyLock';
import { LoginAttempt } from '../entities';

const MINUTE_MS = 60_000;

/**
 * An attempt is recorded as failed before its password is checked and marked succeeded only
 * afterwards, so attempts still being checked count against both limits.
 */
export type Admission =
    | { admitted: true; attemptId: number; completesLock: boolean }
    | { admitted: false; retryAfter: number; who: 'account' | 'address' };

function failures(manager: EntityManager, column: 'email' | 'ip', value: string, since: Date) {
    return manager
        .getRepository(LoginAttempt)
        .createQueryBuilder('attempt')
        .where(`attempt.${column} = :value AND attempt.succeeded = :failed AND attempt.at > :since`, {
            value,
            failed: false,
            since: toDbTimestamp(since),
        });
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Seconds until this address may try again, or 0. */
export async function addressRetryAfter(
    manager: EntityManager,
    policy: Policy,
    ip: string,
    now: Date
): Promise<number> {
    const windowMs = policy.loginAddressWindowMinutes * MINUTE_MS;
    // The failure that reached the limit: the address may try again once it leaves the window.
    const limiting = await failures(manager, 'ip', ip, new Date(now.getTime() - windowMs))
        .orderBy('attempt.at', 'DESC')
        .offset(Math.max(policy.loginAddressFailureLimit, 1) - 1)
        .limit(1)
        .getOne();
    return limiting ? seconds(new Date(limiting.at).getTime() + windowMs - now.getTime()) : 0;
}

/** The end of the lock that the failures (sorted by time) put on one email at `now`, or null. */
function lockEnd(times: number[], policy: Policy, now: Date): number | null {
    const limit = Math.max(policy.loginAccountFailureLimit, 1);
    const windowMs = policy.loginAccountWindowMinutes * MINUTE_MS;
    const lockMs = policy.loginAccountLockMinutes * MINUTE_MS;
    let end: number | null = null;
    // A lock starts at the failure that makes `limit` within the window.
    for (let i = limit - 1; i < times.length; i++) {
        if (times[i] - times[i - limit + 1] <= windowMs && times[i] + lockMs > now.getTime()) {
            end = times[i] + lockMs;
        }
    }
    return end;
}

function lookBack(policy: Policy, now: Date): Date {
    return new Date(
        now.getTime() - (policy.loginAccountWindowMinutes + policy.loginAccountLockMinutes) * MINUTE_MS
    );
}

/**
 * When the lock of each email ends, for those locked at `now`. Counted per email whether or not
 * an account has it, so that a lockout does not reveal which accounts exist.
 */
export async function lockedUntil(
    manager: EntityManager,
    policy: Policy,
    emails: string[],
    now: Date
): Promise<Map<string, Date>> {
    const locked = new Map<string, Date>();
    if (emails.length === 0) return locked;
    const rows = await manager
        .getRepository(LoginAttempt)
        .createQueryBuilder('attempt')
        .select(['attempt.email', 'attempt.at'])
        .where('attempt.email IN (:...emails) AND attempt.succeeded = :failed AND attempt.at > :since', {
            emails,
            failed: false,
            since: toDbTimestamp(lookBack(policy, now)),
        })
        .orderBy('attempt.at', 'ASC')
        .getMany();
    const byEmail = new Map<string, number[]>();
    for (const row of rows) {
        const times = byEmail.get(row.email) ?? [];
        times.push(new Date(row.at).getTime());
        byEmail.set(row.email, times);
    }
    for (const [email, times] of byEmail) {
        const end = lockEnd(times, policy, now);
        if (end !== null) locked.set(email, new Date(end));
    }
    return locked;
}

/** Seconds until this email may try again, or 0. */
export async function accountRetryAfter(
    manager: EntityManager,
    policy: Policy,
    email: string,
    now: Date
): Promise<number> {
    const recent = await failures(manager, 'email', email, lookBack(policy, now))
        .orderBy('attempt.at', 'ASC')
        .getMany();
    const end = lockEnd(
        recent.map((attempt) => new Date(attempt.at).getTime()),
        policy,
        now
    );
    return end === null ? 0 : seconds(end - now.getTime());
}

/**
 * Admits one sign-in attempt and records it as failed until its password proves right, or says
 * how long to wait. Runs inside the caller's write transaction; the email and the address are
 * locked first, so concurrent attempts are counted one after the other on every engine.
 */
export async function admitAttempt(
    manager: EntityManager,
    policy: Policy,
    email: string,
    ip: string,
    now: Date
): Promise<Admission> {
    await lockKeys(manager, [`login:email:${email}`, `login:ip:${ip}`]);
    const addressWait = await addressRetryAfter(manager, policy, ip, now);
    if (addressWait) return { admitted: false, retryAfter: addressWait, who: 'address' };
    const accountWait = await accountRetryAfter(manager, policy, email, now);
    if (accountWait) return { admitted: false, retryAfter: accountWait, who: 'account' };

    const windowMs = policy.loginAccountWindowMinutes * MINUTE_MS;
    const inWindow = await failures(
        manager,
        'email',
        email,
        new Date(now.getTime() - windowMs - 1)
    ).getCount();
    const { identifiers } = await manager
        .getRepository(LoginAttempt)
        .insert({ email, ip, succeeded: false, at: now });
    return {
        admitted: true,
        attemptId: Number(identifiers[0].id),
        completesLock: inWindow + 1 >= policy.loginAccountFailureLimit,
    };
}

/** Marks an admitted attempt with the outcome of its password check. */
export async function settleAttempt(manager: EntityManager, attemptId: number, succeeded: boolean) {
    if (succeeded) await manager.getRepository(LoginAttempt).update({ id: attemptId }, { succeeded: true });
}

/** Lifts the lock of an email (a supervisor set a new password): its failures no longer count. */
export async function forgetFailures(manager: EntityManager, email: string) {
    await manager.getRepository(LoginAttempt).delete({ email, succeeded: false });
}
