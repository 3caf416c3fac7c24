import { Router, type Response } from 'express';
import { loginSchema, type LoginInput } from '../../../shared/schemas/staff';
import type { AppContext } from '../appContext';
import { appendAudit } from '../audit/auditLog';
import { writeTransaction } from '../db/transaction';
import { Staff } from '../entities';
import { HttpError, unauthorized } from '../http/HttpError';
import { validateBody } from '../http/validate';
import { authenticate } from './authenticate';
import { accountRetryAfter, admitAttempt, settleAttempt } from './loginThrottle';
import { decoyHash, verifyPassword } from './password';
import { preferencesRouter } from './preferencesRouter';
import { actorOf, clientIp, currentStaff } from './requestAuth';
import { sessionsRouter } from './sessionRevocation';
import { createSession, revokeSessions, SESSION_COOKIE, SIGNED_IN_COOKIE } from './sessions';

export function identityOf(staff: Staff, csrfToken: string) {
    const { id, fullName, email, role, locale } = staff;
    return { id, fullName, email, role, locale, csrfToken };
}

function tooManyAttempts(seconds: number, who: string) {
    return new HttpError(
        429,
        `Too many failed sign-ins ${who}; try again in ${Math.ceil(seconds / 60)} minutes`,
        undefined,
        {
            'Retry-After': String(seconds),
        }
    );
}

/**
 * POST /login, GET /me, PATCH /me/preferences, POST /logout, POST /sessions/revoke-others. Login is the only /api route
 * without a session.
 */
export function authRouter(context: AppContext): Router {
    const { dataSource, clock, config } = context;
    const router = Router();
    const cookieOptions = { sameSite: 'strict', path: '/', secure: config.cookieSecure } as const;
    const setCookie = (res: Response, value: string, maxAgeMs: number) => {
        res.cookie(SESSION_COOKIE, value, { ...cookieOptions, httpOnly: true, maxAge: maxAgeMs });
        res.cookie(SIGNED_IN_COOKIE, '1', { ...cookieOptions, maxAge: maxAgeMs });
    };

    router.post('/login', validateBody(loginSchema), async (req, res) => {
        const { email, password } = req.body as LoginInput;
        const ip = clientIp(req) ?? 'unknown';
        const now = clock.now();
        // Counted and recorded before the slow password check, so parallel guesses cannot outrun it.
        const admission = await writeTransaction(dataSource, (manager) =>
            admitAttempt(manager, config.policy, email, ip, now)
        );
        if (!admission.admitted) {
            const who = admission.who === 'account' ? 'for this account' : 'from this address';
            throw tooManyAttempts(admission.retryAfter, who);
        }

        const staff = await dataSource
            .getRepository(Staff)
            .createQueryBuilder('staff')
            .addSelect('staff.passwordHash')
            .where('LOWER(staff.email) = :email', { email })
            .getOne();
        // Unknown emails are checked against a decoy hash so that both failures take as long.
        const valid = await verifyPassword(password, staff?.passwordHash ?? (await decoyHash()));
        const ok = valid && !!staff && staff.active;

        const result = await writeTransaction(dataSource, async (manager) => {
            await settleAttempt(manager, admission.attemptId, ok);
            const actor = {
                ...actorOf(req),
                actorId: staff?.id ?? null,
                actorRole: staff?.role ?? 'anonymous',
            };
            if (!ok) {
                await appendAudit(
                    manager,
                    actor,
                    {
                        action: 'auth.login_failed',
                        entity: 'staff',
                        entityId: staff?.id ?? null,
                        after: { email },
                        outcome: 'failure',
                    },
                    now
                );
                const lockedFor = admission.completesLock
                    ? await accountRetryAfter(manager, config.policy, email, now)
                    : 0;
                if (lockedFor) {
                    await appendAudit(
                        manager,
                        actor,
                        {
                            action: 'auth.lockout',
                            entity: 'staff',
                            entityId: staff?.id ?? null,
                            after: { email, seconds: lockedFor },
                            outcome: 'denied',
                        },
                        now
                    );
                }
                return null;
            }
            const created = await createSession(manager, context, staff!, ip);
            await appendAudit(
                manager,
                actor,
                { action: 'auth.login', entity: 'staff', entityId: staff!.id },
                now
            );
            return created;
        });
        if (!result) throw unauthorized('Email or password is incorrect');
        setCookie(res, result.token, config.sessionAbsoluteHours * 3_600_000);
        res.json(identityOf(staff!, result.session.csrfToken));
    });

    router.get('/me', authenticate(context), (req, res) => {
        res.json(identityOf(currentStaff(req), req.authSession!.csrfToken));
    });

    router.post('/logout', authenticate(context), async (req, res) => {
        const staff = currentStaff(req);
        await writeTransaction(dataSource, async (manager) => {
            await revokeSessions(manager, staff.id, clock.now(), { only: req.authSession!.id });
            await appendAudit(
                manager,
                actorOf(req),
                { action: 'auth.logout', entity: 'staff', entityId: staff.id },
                clock.now()
            );
        });
        res.clearCookie(SESSION_COOKIE, { ...cookieOptions, httpOnly: true });
        res.clearCookie(SIGNED_IN_COOKIE, cookieOptions);
        res.status(204).end();
    });

    router.use('/me/preferences', preferencesRouter(context));
    router.use('/sessions', sessionsRouter(context));
    return router;
}
