import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { AuditEvent, LoginAttempt } from '../../server/src/entities';
import { ensureStaff, TEST_PASSWORD } from '../helpers/agent';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** Parallel password checks on a loaded machine take a while. */
const RACE_TIMEOUT = 180_000;

let ctx: TestApp | undefined;
afterEach(async () => {
    await ctx?.close();
    ctx = undefined;
});

const login = (app: TestApp, email: string, password: string, forwardedFor?: string) => {
    const req = app.request().post('/api/auth/login');
    if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
    return req.send({ email, password });
};

function tally(statuses: number[]): Record<number, number> {
    const counts: Record<number, number> = {};
    for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
    return counts;
}

describe('sign-in lockout under parallel guesses', () => {
    it(
        'evaluates at most 10 of 40 parallel guesses for one account, so the right password among them gets no session',
        async () => {
            ctx = await createTestApp();
            const staff = await ensureStaff(ctx.dataSource, 'supervisor', 'raced');
            const passwords = Array.from({ length: 40 }, (_, i) => (i === 32 ? TEST_PASSWORD : `guess ${i}`));
            const answers = await Promise.all(
                passwords.map((password) => login(ctx!, staff.email, password))
            );

            expect(tally(answers.map((res) => res.status))).toEqual({ 401: 10, 429: 30 });
            expect(answers.some((res) => res.headers['set-cookie'])).toBe(false);
            for (const res of answers.filter((r) => r.status === 429)) {
                expect(res.body.message).toMatch(/for this account/);
                expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
            }
            const attempts = await ctx.dataSource.getRepository(LoginAttempt).findBy({ email: staff.email });
            expect(attempts).toHaveLength(10);
            expect(attempts.every((attempt) => !attempt.succeeded)).toBe(true);
            const audit = ctx.dataSource.getRepository(AuditEvent);
            expect(await audit.countBy({ action: 'auth.login_failed', entityId: String(staff.id) })).toBe(10);
            expect(await audit.countBy({ action: 'auth.login', entityId: String(staff.id) })).toBe(0);
            expect(await audit.countBy({ action: 'auth.lockout', entityId: String(staff.id) })).toBe(1);

            // Still locked for the right password afterwards, whichever address asks.
            const after = await login(ctx, staff.email, TEST_PASSWORD);
            expect(after.status).toBe(429);
            expect(Number(after.headers['retry-after'])).toBe(30 * 60);
        },
        RACE_TIMEOUT
    );

    it(
        'lets the right password in when it is among the guesses evaluated before the limit',
        async () => {
            ctx = await createTestApp();
            const staff = await ensureStaff(ctx.dataSource, 'mediator', 'lucky');
            const wrong = await Promise.all(
                Array.from({ length: 8 }, (_, i) => login(ctx!, staff.email, `guess ${i}`))
            );
            expect(wrong.map((res) => res.status)).toEqual(Array(8).fill(401));
            expect((await login(ctx, staff.email, TEST_PASSWORD)).status).toBe(200);
            const attempts = await ctx.dataSource
                .getRepository(LoginAttempt)
                .findBy({ email: staff.email, succeeded: true });
            expect(attempts).toHaveLength(1);
        },
        RACE_TIMEOUT
    );

    it(
        'refuses an address after 50 failures: 70 parallel failures give 50 × 401 and 20 × 429 with Retry-After',
        async () => {
            ctx = await createTestApp();
            const answers = await Promise.all(
                Array.from({ length: 70 }, (_, i) => login(ctx!, `sprayed${i}@test.example`, 'guess'))
            );
            expect(tally(answers.map((res) => res.status))).toEqual({ 401: 50, 429: 20 });
            for (const res of answers.filter((r) => r.status === 429)) {
                expect(res.body.message).toMatch(/from this address/);
                expect(Number(res.headers['retry-after'])).toBe(15 * 60);
            }
            expect(await ctx.dataSource.getRepository(LoginAttempt).count()).toBe(50);

            // The limit holds for a real account too, and lifts when the failures leave the window.
            const staff = await ensureStaff(ctx.dataSource, 'support', 'behind the sprayer');
            expect((await login(ctx, staff.email, TEST_PASSWORD)).status).toBe(429);
            ctx.clock.advance(15 * 60_000);
            expect((await login(ctx, staff.email, TEST_PASSWORD)).status).toBe(200);
        },
        RACE_TIMEOUT
    );
});

describe('the address of a sign-in (TRUST_PROXY)', () => {
    async function sprayFrom(app: TestApp, ip: string) {
        const attempts = app.dataSource.getRepository(LoginAttempt);
        for (let i = 0; i < 50; i++) {
            await attempts.insert({
                email: `spray${i}@test.example`,
                ip,
                succeeded: false,
                at: app.clock.now(),
            });
        }
    }

    it('ignores X-Forwarded-For by default: a caller cannot pick its own address', async () => {
        ctx = await createTestApp();
        await sprayFrom(ctx, '203.0.113.7');
        const staff = await ensureStaff(ctx.dataSource, 'support', 'default proxy');
        const res = await login(ctx, staff.email, TEST_PASSWORD, '203.0.113.7');
        expect(res.status).toBe(200);
        const event = await ctx.dataSource
            .getRepository(AuditEvent)
            .findOneByOrFail({ action: 'auth.login', entityId: String(staff.id) });
        expect(event.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);

        // Nor can a caller escape its own address's limit by naming another one.
        await sprayFrom(ctx, event.ip!);
        expect((await login(ctx, staff.email, TEST_PASSWORD, '198.51.100.1')).status).toBe(429);
    });

    it('honours X-Forwarded-For from the proxies TRUST_PROXY names', async () => {
        ctx = await createTestApp({ TRUST_PROXY: 'loopback' });
        await sprayFrom(ctx, '203.0.113.7');
        const staff = await ensureStaff(ctx.dataSource, 'support', 'trusted proxy');
        const refused = await login(ctx, staff.email, TEST_PASSWORD, '203.0.113.7');
        expect(refused.status).toBe(429);
        expect(refused.body.message).toMatch(/from this address/);
        const res = await login(ctx, staff.email, TEST_PASSWORD, '203.0.113.8');
        expect(res.status).toBe(200);
        const event = await ctx.dataSource
            .getRepository(AuditEvent)
            .findOneByOrFail({ action: 'auth.login', entityId: String(staff.id) });
        expect(event.ip).toBe('203.0.113.8');
    });

    it('refuses a TRUST_PROXY that Express cannot read, at start-up', () => {
        expect(() => loadConfig({ TRUST_PROXY: 'not an address' })).toThrow(/TRUST_PROXY/);
        expect(loadConfig({}).trustProxy).toBe(false);
        expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toBe('10.0.0.0/8, loopback');
    });
});

describe('the lockout state on staff records', () => {
    it('shows when the lock ends in GET /api/staff and /api/staff/:id; a password reset lifts it', async () => {
        ctx = await createTestApp();
        const supervisor = await ctx.as('supervisor');
        const staff = await ensureStaff(ctx.dataSource, 'mediator', 'shown locked');
        const show = async () => (await supervisor.get(`/api/staff/${staff.id}`)).body;
        expect((await show()).lockedUntil).toBeNull();

        for (let i = 0; i < 10; i++) await login(ctx, staff.email, `wrong ${i}`);
        const until = new Date(ctx.clock.now().getTime() + 30 * 60_000).toISOString();
        expect((await show()).lockedUntil).toBe(until);
        const list = await supervisor.get('/api/staff');
        expect(list.status).toBe(200);
        const rows = list.body as { id: number; lockedUntil: string | null }[];
        expect(rows.find((row) => row.id === staff.id)?.lockedUntil).toBe(until);
        expect(rows.find((row) => row.id === supervisor.staff.id)?.lockedUntil).toBeNull();

        const newPassword = 'a brand new password';
        const reset = await supervisor
            .post(`/api/staff/${staff.id}/reset-password`)
            .send({ password: newPassword });
        expect(reset.status).toBe(200);
        expect(reset.body.lockedUntil).toBeNull();
        expect((await login(ctx, staff.email, newPassword)).status).toBe(200);
    });

    it('ends the shown lock when the lock ends', async () => {
        ctx = await createTestApp();
        const supervisor = await ctx.as('supervisor');
        const staff = await ensureStaff(ctx.dataSource, 'support', 'lock expires');
        for (let i = 0; i < 10; i++) await login(ctx, staff.email, `wrong ${i}`);
        expect((await supervisor.get(`/api/staff/${staff.id}`)).body.lockedUntil).not.toBeNull();
        ctx.clock.advance(30 * 60_000);
        // The first session has idled out meanwhile.
        const later = await ctx.as('supervisor', 'later');
        const res = await later.get(`/api/staff/${staff.id}`);
        expect(res.status).toBe(200);
        expect(res.body.lockedUntil).toBeNull();
    });
});
