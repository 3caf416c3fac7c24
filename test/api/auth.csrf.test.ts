import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Staff } from '../../server/src/entities';
import { signInAs, type Agent } from '../helpers/agent';
import { expectForbidden, expectUnauthorized, freshAgent } from '../helpers/sessions';
import { createTestApp, type TestApp } from '../helpers/testApp';

const CSRF = /X-CSRF-Token/;

let ctx: TestApp;
let supervisor: Agent;
let target: Agent;
beforeAll(async () => {
    ctx = await createTestApp();
    supervisor = await freshAgent(ctx, 'supervisor');
    target = await freshAgent(ctx, 'mediator');
});
afterAll(() => ctx.close());

const newStaff = (email: string) => ({
    email,
    fullName: 'New Hire',
    role: 'support',
    password: 'long enough password',
});
const staffByEmail = (email: string) => ctx.dataSource.getRepository(Staff).findOneBy({ email });

/** The state-changing requests checked, each made with the supervisor's cookie only. */
function writes(cookie: string) {
    const app = request(ctx.app);
    return {
        'POST /api/staff': () =>
            app.post('/api/staff').set('Cookie', cookie).send(newStaff('csrf@test.example')),
        'PUT /api/staff/:id': () =>
            app.put(`/api/staff/${target.staff.id}`).set('Cookie', cookie).send({ fullName: 'Renamed' }),
        'POST /api/staff/:id/reset-password': () =>
            app
                .post(`/api/staff/${target.staff.id}/reset-password`)
                .set('Cookie', cookie)
                .send({ password: 'another long password' }),
        'POST /api/auth/logout': () => app.post('/api/auth/logout').set('Cookie', cookie),
        'DELETE /api/disputes/1': () => app.delete('/api/disputes/1').set('Cookie', cookie),
        'PATCH /api/staff/:id': () =>
            app.patch(`/api/staff/${target.staff.id}`).set('Cookie', cookie).send({}),
    };
}

async function expectNothingChanged() {
    expect(await staffByEmail('csrf@test.example')).toBeNull();
    expect((await staffByEmail(target.staff.email))!.fullName).toBe(target.staff.fullName);
    expect((await target.get('/api/auth/me')).status, 'the target keeps their session').toBe(200);
    expect((await supervisor.get('/api/auth/me')).status, 'the supervisor is still signed in').toBe(200);
}

describe('CSRF protection of state-changing requests', () => {
    it('refuses each write that carries the session cookie but no X-CSRF-Token, with a clear 403', async () => {
        for (const [name, send] of Object.entries(writes(supervisor.cookie))) {
            const res = await send();
            expect(res.status, name).toBe(403);
            expectForbidden(res, CSRF);
        }
        await expectNothingChanged();
    });

    it('refuses a wrong token, whatever its shape', async () => {
        const wrong = [
            randomBytes(32).toString('base64url'),
            supervisor.csrfToken.slice(0, -1),
            `${supervisor.csrfToken}x`,
            (supervisor.csrfToken.startsWith('A') ? 'B' : 'A') + supervisor.csrfToken.slice(1),
            'ü'.repeat(10),
        ];
        for (const token of wrong) {
            for (const [name, send] of Object.entries(writes(supervisor.cookie))) {
                const res = await send().set('X-CSRF-Token', token);
                expect(res.status, `${name} with "${token}"`).toBe(403);
                expectForbidden(res, CSRF);
            }
        }
        await expectNothingChanged();
    });

    it("refuses the token of another staff member's session", async () => {
        const other = await freshAgent(ctx, 'supervisor');
        for (const send of Object.values(writes(supervisor.cookie))) {
            expectForbidden(await send().set('X-CSRF-Token', other.csrfToken), CSRF);
        }
        await expectNothingChanged();
    });

    it('refuses the token of another session of the same staff member', async () => {
        const sameStaffElsewhere = await signInAs(ctx.app, supervisor.staff);
        for (const send of Object.values(writes(supervisor.cookie))) {
            expectForbidden(await send().set('X-CSRF-Token', sameStaffElsewhere.csrfToken), CSRF);
        }
        await expectNothingChanged();
    });

    it('takes the token from the header only, not from the query string or the body', async () => {
        const inQuery = await request(ctx.app)
            .post(`/api/auth/logout?csrfToken=${supervisor.csrfToken}&_csrf=${supervisor.csrfToken}`)
            .set('Cookie', supervisor.cookie);
        expectForbidden(inQuery, CSRF);
        const inBody = await request(ctx.app)
            .put(`/api/staff/${target.staff.id}`)
            .set('Cookie', supervisor.cookie)
            .send({ fullName: 'Renamed', csrfToken: supervisor.csrfToken, _csrf: supervisor.csrfToken });
        expectForbidden(inBody, CSRF);
        await expectNothingChanged();
    });

    it('accepts the right token', async () => {
        const res = await request(ctx.app)
            .put(`/api/staff/${target.staff.id}`)
            .set('Cookie', supervisor.cookie)
            .set('X-CSRF-Token', supervisor.csrfToken)
            .send({ fullName: 'Renamed with a token' });
        expect(res.status).toBe(200);
        expect(res.body.fullName).toBe('Renamed with a token');
    });

    it('answers 401, not 403, to a write with a token but no session', async () => {
        const res = await request(ctx.app)
            .post('/api/staff')
            .set('X-CSRF-Token', supervisor.csrfToken)
            .send(newStaff('x@test.example'));
        expectUnauthorized(res);
    });
});

describe('safe requests', () => {
    it('need no CSRF token', async () => {
        for (const url of [
            '/api/auth/me',
            '/api/staff',
            `/api/staff/${target.staff.id}`,
            '/api/disputes',
            '/api/audit-events',
            '/api/audit-events/verify',
        ]) {
            const res = await request(ctx.app).get(url).set('Cookie', supervisor.cookie);
            expect(res.status, url).toBe(200);
        }
        const head = await request(ctx.app).head('/api/staff').set('Cookie', supervisor.cookie);
        expect(head.status).toBe(200);
    });
});
