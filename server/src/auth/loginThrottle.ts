import type { EntityManager } from 'typeorm';
import { toDbTimestamp } from '../db/dbKind';
import { LoginAttempt } from '../entities';

/** Failed sign-ins for one email within the window that lock it. */
export const ACCOUNT_FAILURE_LIMIT = 10;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_LOCK_MS = 30 * 60_000;
/** Failed sign-ins from one IP address within the window before it is refused. */
export const IP_FAILURE_LIMIT = 50;
export const IP_WINDOW_MS = 15 * 60_000;

async function failuresSince(manager: EntityManager, column: 'email' | 'ip', value: string, since: Date) {
    return manager
        .getRepository(LoginAttempt)
        .createQueryBuilder('attempt')
        .where(`attempt.${column} = :value AND attempt.succeeded = :failed AND attempt.at > :since`, {
            value,
            failed: false,
            since: toDbTimestamp(since),
        })
        .getCount();
}

/** Seconds until this IP may try again, or 0. */
export async function ipRetryAfter(manager: EntityManager, ip: string, now: Date): Promise<number> {
    const failures = await failuresSince(manager, 'ip', ip, new Date(now.getTime() - IP_WINDOW_MS));
    return failures >= IP_FAILURE_LIMIT ? Math.ceil(IP_WINDOW_MS / 1000) : 0;
}

/**
 * Seconds until this email may try again, or 0. Counted per email whether or not an account
 * has it, so that a lockout does not reveal which accounts exist.
 */
export async function accountRetryAfter(manager: EntityManager, email: string, now: Date): Promise<number> {
    const recent = await manager
        .getRepository(LoginAttempt)
        .createQueryBuilder('attempt')
        .where('attempt.email = :email AND attempt.succeeded = :failed AND attempt.at > :since', {
            email,
            failed: false,
            since: toDbTimestamp(new Date(now.getTime() - ACCOUNT_WINDOW_MS - ACCOUNT_LOCK_MS)),
        })
        .orderBy('attempt.at', 'ASC')
        .getMany();
    // The lock starts at the failure that made ten within fifteen minutes.
    for (let i = ACCOUNT_FAILURE_LIMIT - 1; i < recent.length; i++) {
        const first = new Date(recent[i - ACCOUNT_FAILURE_LIMIT + 1].at).getTime();
        const tenth = new Date(recent[i].at).getTime();
        if (tenth - first <= ACCOUNT_WINDOW_MS) {
            const until = tenth + ACCOUNT_LOCK_MS;
            if (until > now.getTime()) return Math.ceil((until - now.getTime()) / 1000);
        }
    }
    return 0;
}

export async function recordAttempt(
    manager: EntityManager,
    email: string,
    ip: string,
    succeeded: boolean,
    at: Date
) {
    await manager.getRepository(LoginAttempt).insert({ email, ip, succeeded, at });
}
