import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureStaff, signInAs, TEST_PASSWORD } from '../helpers/agent';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

const cookiesOf = (res: { headers: Record<string, unknown> }): string[] =>
    ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);
const named = (cookies: string[], name: string) => cookies.find((cookie) => cookie.startsWith(`${name}=`));

describe('the dd_signed_in hint cookie', () => {
    it('comes with a sign-in: readable by the SPA, holding no secret, living as long as the session', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'support', 'hint-login');
        const res = await ctx
            .request()
            .post('/api/auth/login')
            .send({ email: staff.email, password: TEST_PASSWORD });
        expect(res.status).toBe(200);
        const cookies = cookiesOf(res);
        const [hintPair, ...hint] = named(cookies, 'dd_signed_in')!.split('; ');
        const session = named(cookies, 'dd_session')!.split('; ');
        expect(hintPair).toBe('dd_signed_in=1');
        expect(hint).toEqual(expect.arrayContaining(['Path=/', 'SameSite=Strict']));
        expect(hint).not.toContain('HttpOnly');
        const maxAge = (attributes: string[]) => attributes.find((a) => a.startsWith('Max-Age='));
        expect(maxAge(hint)).toBe(maxAge(session));
    });

    it('is not set by a failed sign-in', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'support', 'hint-failed');
        const res = await ctx
            .request()
            .post('/api/auth/login')
            .send({ email: staff.email, password: 'wrong!' });
        expect(res.status).toBe(401);
        expect(named(cookiesOf(res), 'dd_signed_in')).toBeUndefined();
    });

    it('is cleared with the session at sign-out', async () => {
        const agent = await signInAs(ctx.app, await ensureStaff(ctx.dataSource, 'mediator', 'hint-out'));
        const res = await agent.post('/api/auth/logout');
        expect(res.status).toBe(204);
        const cookies = cookiesOf(res);
        expect(named(cookies, 'dd_signed_in')).toMatch(/^dd_signed_in=;.*Expires=Thu, 01 Jan 1970/);
        expect(named(cookies, 'dd_session')).toMatch(/^dd_session=;/);
    });

    it('leaves GET /api/auth/me as it was: 401 without a session', async () => {
        expect((await ctx.request().get('/api/auth/me')).status).toBe(401);
    });
});
