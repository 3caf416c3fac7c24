import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, Staff } from '../../server/src/entities';
import { ensureStaff, signInAs, TEST_PASSWORD } from '../helpers/agent';
import { expectUnauthorized, freshAgent, MINUTE, sessionCookieOf } from '../helpers/sessions';
import { createTestApp, type TestApp } from '../helpers/testApp';

const EXPIRED = /session has expired/i;

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

const me = (cookie: string, app = ctx.app) => request(app).get('/api/auth/me').set('Cookie', cookie);
const login = (email: string, password: string) =>
    ctx.request().post('/api/auth/login').send({ email, password });

describe('GET /api/auth/me', () => {
    it('answers the identity of the session with its CSRF token', async () => {
        const agent = await freshAgent(ctx, 'mediator');
        const res = await agent.get('/api/auth/me');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
            id: agent.staff.id,
            fullName: agent.staff.fullName,
            email: agent.staff.email,
            role: 'mediator',
            locale: 'en',
            csrfToken: agent.csrfToken,
        });
    });

    it('answers 401 without a session cookie', async () => {
        expectUnauthorized(await ctx.request().get('/api/auth/me'), /sign in/i);
    });

    it('answers 401, never 500, to malformed or forged cookies', async () => {
        const agent = await freshAgent(ctx, 'support');
        const stored = await ctx.dataSource
            .getRepository(Session)
            .findOneByOrFail({ staffId: agent.staff.id });
        const cookies = [
            'dd_session=',
            'dd_session=garbage',
            'dd_session=%E0%A4%A',
            `dd_session=${'x'.repeat(4000)}`,
            'dd_session="quoted"',
            'other=1; another=2',
            `dd_session=${'A'.repeat(43)}`,
            // The database holds only a hash of the token: the hash itself is not a credential.
            `dd_session=${stored.tokenHash}`,
            `dd_session_x=${agent.cookie.split('=')[1]}`,
        ];
        for (const cookie of cookies) {
            const res = await me(cookie);
            expect(res.status, cookie.slice(0, 60)).toBe(401);
            expect(res.body).toEqual({ message: expect.any(String) });
        }
    });

    it('stores no session token in the clear', async () => {
        const agent = await freshAgent(ctx, 'support');
        const token = agent.cookie.split('=')[1];
        const rows: unknown[] = await ctx.dataSource.query('SELECT * FROM session');
        expect(JSON.stringify(rows)).not.toContain(token);
    });
});

describe('idle timeout', () => {
    it('keeps a session alive while it is used, and ends it after 30 idle minutes', async () => {
        const agent = await freshAgent(ctx, 'support');
        ctx.clock.advance(29 * MINUTE);
        expect((await me(agent.cookie)).status).toBe(200);
        // The request at 29 minutes slid the window: 29 more minutes are still fine.
        ctx.clock.advance(29 * MINUTE);
        expect((await me(agent.cookie)).status).toBe(200);
        ctx.clock.advance(30 * MINUTE);
        expectUnauthorized(await me(agent.cookie), EXPIRED);
    });

    it('ends a session at exactly 30 idle minutes, for reads and writes alike', async () => {
        const agent = await freshAgent(ctx, 'supervisor');
        ctx.clock.advance(30 * MINUTE - 1000);
        expect((await me(agent.cookie)).status).toBe(200);

        const other = await freshAgent(ctx, 'supervisor');
        ctx.clock.advance(30 * MINUTE);
        expectUnauthorized(await other.get('/api/disputes'), EXPIRED);
        expectUnauthorized(await other.post('/api/auth/logout'), EXPIRED);
        expectUnauthorized(
            await other.put(`/api/staff/${other.staff.id}`).send({ fullName: 'Late' }),
            EXPIRED
        );
    });

    it('does not come back to life once expired', async () => {
        const agent = await freshAgent(ctx, 'mediator');
        ctx.clock.advance(31 * MINUTE);
        expectUnauthorized(await me(agent.cookie), EXPIRED);
        ctx.clock.advance(MINUTE);
        expectUnauthorized(await me(agent.cookie), EXPIRED);
        const again = await signInAs(ctx.app, agent.staff);
        expect((await me(again.cookie)).status).toBe(200);
    });
});

describe('absolute timeout', () => {
    it('ends a session 12 hours after sign-in however busy it is', async () => {
        const res = await login((await ensureStaff(ctx.dataSource, 'mediator', 'busy')).email, TEST_PASSWORD);
        expect(sessionCookieOf(res).attributes).toContain(`Max-Age=${12 * 3600}`);
        const cookie = `dd_session=${sessionCookieOf(res).value}`;
        for (let elapsed = 20; elapsed < 12 * 60; elapsed += 20) {
            ctx.clock.advance(20 * MINUTE);
            expect((await me(cookie)).status, `after ${elapsed} minutes`).toBe(200);
        }
        ctx.clock.advance(20 * MINUTE);
        expectUnauthorized(await me(cookie), EXPIRED);
    });
});

describe('configured timeouts', () => {
    it('follow SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS', async () => {
        const short = await createTestApp({ SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '1' });
        try {
            const staff = await ensureStaff(short.dataSource, 'support', 'short');
            const res = await short
                .request()
                .post('/api/auth/login')
                .send({ email: staff.email, password: TEST_PASSWORD });
            expect(sessionCookieOf(res).attributes).toContain('Max-Age=3600');

            const idle = await signInAs(short.app, staff);
            short.clock.advance(4 * MINUTE);
            expect((await me(idle.cookie, short.app)).status).toBe(200);
            short.clock.advance(5 * MINUTE);
            expectUnauthorized(await me(idle.cookie, short.app), EXPIRED);

            const busy = await signInAs(short.app, staff);
            for (let elapsed = 4; elapsed < 60; elapsed += 4) {
                short.clock.advance(4 * MINUTE);
                expect((await me(busy.cookie, short.app)).status, `after ${elapsed} minutes`).toBe(200);
            }
            short.clock.advance(4 * MINUTE);
            expectUnauthorized(await me(busy.cookie, short.app), EXPIRED);
        } finally {
            await short.close();
        }
    });
});

describe('POST /api/auth/logout', () => {
    it('answers 204, clears the cookie and ends only this session', async () => {
        const agent = await freshAgent(ctx, 'mediator');
        const elsewhere = await signInAs(ctx.app, agent.staff);
        const res = await agent.post('/api/auth/logout');
        expect(res.status).toBe(204);
        const cleared = sessionCookieOf(res);
        expect(cleared.value).toBe('');
        expect(cleared.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']));
        expect(cleared.attributes).toContain('Expires=Thu, 01 Jan 1970 00:00:00 GMT');

        expectUnauthorized(await me(agent.cookie));
        expectUnauthorized(await agent.get('/api/disputes'));
        expectUnauthorized(await agent.post('/api/auth/logout'));
        expect((await me(elsewhere.cookie)).status).toBe(200);
    });

    it('answers 401 without a session', async () => {
        expectUnauthorized(await ctx.request().post('/api/auth/logout'));
    });
});

describe('deactivation', () => {
    it('ends every session of the staff member, refuses their sign-in, and reactivation does not revive old sessions', async () => {
        const supervisor = await freshAgent(ctx, 'supervisor');
        const target = await freshAgent(ctx, 'mediator');
        const second = await signInAs(ctx.app, target.staff);

        const off = await supervisor.put(`/api/staff/${target.staff.id}`).send({ active: false });
        expect(off.status).toBe(200);
        expect(off.body.active).toBe(false);
        expectUnauthorized(await me(target.cookie));
        expectUnauthorized(await me(second.cookie));
        const refused = await login(target.staff.email, TEST_PASSWORD);
        expect(refused.status).toBe(401);
        expect(refused.headers['set-cookie']).toBeUndefined();

        expect((await supervisor.put(`/api/staff/${target.staff.id}`).send({ active: true })).status).toBe(
            200
        );
        expectUnauthorized(await me(target.cookie));
        expect((await login(target.staff.email, TEST_PASSWORD)).status).toBe(200);
        expect((await me(supervisor.cookie)).status).toBe(200);
    });

    it('refuses a live session of a staff member deactivated behind the API', async () => {
        const target = await freshAgent(ctx, 'support');
        await ctx.dataSource.getRepository(Staff).update({ id: target.staff.id }, { active: false });
        expectUnauthorized(await me(target.cookie));
    });
});

describe('password reset', () => {
    it('ends the sessions of the staff member; the new password works and the old one does not', async () => {
        const supervisor = await freshAgent(ctx, 'supervisor');
        const target = await freshAgent(ctx, 'support');
        const newPassword = 'a brand new passphrase';
        const res = await supervisor
            .post(`/api/staff/${target.staff.id}/reset-password`)
            .send({ password: newPassword });
        expect(res.status).toBe(200);
        expect(res.body.id).toBe(target.staff.id);

        expectUnauthorized(await me(target.cookie));
        expect((await login(target.staff.email, TEST_PASSWORD)).status).toBe(401);
        const fresh = await login(target.staff.email, newPassword);
        expect(fresh.status).toBe(200);
        expect((await me(`dd_session=${sessionCookieOf(fresh).value}`)).status).toBe(200);
        expect((await me(supervisor.cookie)).status).toBe(200);
    });
});
