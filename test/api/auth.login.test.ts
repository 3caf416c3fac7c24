import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, LoginAttempt } from '../../server/src/entities';
import { ensureStaff, signInAs, TEST_PASSWORD } from '../helpers/agent';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp({ TRUST_PROXY: 'loopback' });
});
afterAll(() => ctx.close());

const login = (email: string, password: string, ip?: string) => {
    const req = ctx.request().post('/api/auth/login');
    if (ip) req.set('X-Forwarded-For', ip);
    return req.send({ email, password });
};

describe('POST /api/auth/login', () => {
    it('answers the identity with a CSRF token and sets an HttpOnly, SameSite=Strict session cookie', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'mediator', 'login-ok');
        const res = await login(staff.email, TEST_PASSWORD);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
            id: staff.id,
            fullName: staff.fullName,
            email: staff.email,
            role: 'mediator',
            locale: 'en',
            csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
        });
        const cookie = String(res.headers['set-cookie'][0]);
        const [pair, ...attributes] = cookie.split('; ');
        expect(pair).toMatch(/^dd_session=[\w-]{43}$/);
        expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']));
        expect(attributes).not.toContain('Secure');
    });

    it('marks the cookie Secure when COOKIE_SECURE=true', async () => {
        const secure = await createTestApp({ COOKIE_SECURE: 'true' });
        try {
            const staff = await ensureStaff(secure.dataSource, 'support', 'secure');
            const res = await secure
                .request()
                .post('/api/auth/login')
                .send({ email: staff.email, password: TEST_PASSWORD });
            expect(String(res.headers['set-cookie'][0]).split('; ')).toContain('Secure');
        } finally {
            await secure.close();
        }
    });

    it('gives a new token at every sign-in', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'support', 'two-logins');
        const first = await signInAs(ctx.app, staff);
        const second = await signInAs(ctx.app, staff);
        expect(first.cookie).not.toEqual(second.cookie);
        expect(first.csrfToken).not.toEqual(second.csrfToken);
    });

    it('answers an unknown email and a wrong password the same way', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'support', 'same-answer');
        const wrongPassword = await login(staff.email, 'not the password', '10.0.0.1');
        const unknownEmail = await login('nobody@test.example', 'not the password', '10.0.0.1');
        expect(wrongPassword.status).toBe(401);
        expect(unknownEmail.status).toBe(401);
        expect(unknownEmail.body).toEqual(wrongPassword.body);
        expect(unknownEmail.headers['set-cookie']).toBeUndefined();
    });

    it('refuses a deactivated account with the same answer', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'support', 'inactive');
        await ctx.dataSource.getRepository('staff').update({ id: staff.id }, { active: false });
        const res = await login(staff.email, TEST_PASSWORD);
        expect(res.status).toBe(401);
        expect(res.body.message).toBe('Email or password is incorrect');
    });

    it('names the bad field of a malformed body', async () => {
        const res = await ctx.request().post('/api/auth/login').send({ email: 'not-an-email', password: '' });
        expect(res.status).toBe(400);
        expect(Object.keys(res.body.errors)).toEqual(expect.arrayContaining(['email', 'password']));
    });

    it('refuses unknown fields in the body', async () => {
        const res = await ctx
            .request()
            .post('/api/auth/login')
            .send({ email: 'a@b.co', password: 'x', role: 'supervisor' });
        expect(res.status).toBe(400);
    });

    it('audits success and failure without the password', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'supervisor', 'audited');
        await login(staff.email, 'a wrong password', '10.0.0.9');
        await login(staff.email, TEST_PASSWORD, '10.0.0.9');
        const events = await ctx.dataSource
            .getRepository(AuditEvent)
            .find({ where: { entityId: String(staff.id) }, order: { id: 'ASC' } });
        expect(events.map((e) => [e.action, e.outcome])).toEqual([
            ['auth.login_failed', 'failure'],
            ['auth.login', 'success'],
        ]);
        for (const event of events) {
            expect(event.ip).toBe('10.0.0.9');
            expect(event.requestId).toBeTruthy();
            expect(event.actorRole).toBe('supervisor');
            expect(JSON.stringify(event)).not.toContain('a wrong password');
            expect(JSON.stringify(event)).not.toContain(TEST_PASSWORD);
        }
    });
});

describe('login throttling', () => {
    it('locks an account after 10 failures within 15 minutes, even for the right password, and unlocks after 30 minutes', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'mediator', 'lockout');
        for (let i = 0; i < 9; i++) {
            ctx.clock.advance(60_000);
            expect((await login(staff.email, `wrong ${i}`, '10.1.0.1')).status).toBe(401);
        }
        ctx.clock.advance(60_000);
        expect((await login(staff.email, 'wrong 10', '10.1.0.1')).status).toBe(401);
        const locked = await login(staff.email, TEST_PASSWORD, '10.1.0.2');
        expect(locked.status).toBe(429);
        expect(Number(locked.headers['retry-after'])).toBe(30 * 60);
        const lockouts = await ctx.dataSource
            .getRepository(AuditEvent)
            .countBy({ action: 'auth.lockout', entityId: String(staff.id) });
        expect(lockouts).toBe(1);

        ctx.clock.advance(30 * 60_000 - 1000);
        expect((await login(staff.email, TEST_PASSWORD, '10.1.0.2')).status).toBe(429);
        ctx.clock.advance(1000);
        expect((await login(staff.email, TEST_PASSWORD, '10.1.0.2')).status).toBe(200);
    });

    it('does not lock for 10 failures spread over more than 15 minutes', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'mediator', 'spread');
        for (let i = 0; i < 10; i++) {
            ctx.clock.advance(2 * 60_000);
            await login(staff.email, `wrong ${i}`, '10.2.0.1');
        }
        expect((await login(staff.email, TEST_PASSWORD, '10.2.0.1')).status).toBe(200);
    });

    it('locks an unknown email the same way, so lockouts reveal no accounts', async () => {
        for (let i = 0; i < 10; i++) await login('ghost@test.example', `wrong ${i}`, '10.3.0.1');
        expect((await login('ghost@test.example', 'whatever', '10.3.0.1')).status).toBe(429);
    });

    it('limits failures per IP address across accounts', async () => {
        const attempts = ctx.dataSource.getRepository(LoginAttempt);
        for (let i = 0; i < 50; i++) {
            await attempts.insert({
                email: `spray${i}@test.example`,
                ip: '10.9.9.9',
                succeeded: false,
                at: ctx.clock.now(),
            });
        }
        const staff = await ensureStaff(ctx.dataSource, 'support', 'sprayed');
        const res = await login(staff.email, TEST_PASSWORD, '10.9.9.9');
        expect(res.status).toBe(429);
        expect(res.headers['retry-after']).toBeDefined();
        expect((await login(staff.email, TEST_PASSWORD, '10.9.9.8')).status).toBe(200);
    });
});
