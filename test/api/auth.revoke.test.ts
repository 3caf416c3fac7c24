import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain';
import { ensureStaff, signInAs, type Agent } from '../helpers/agent';
import { oneAuditEventOf } from '../helpers/audit';
import { expectForbidden, expectUnauthorized } from '../helpers/sessions';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

let n = 0;
/** A staff member who has never been used before, freshly signed in. */
async function newAgent(role: Role, name: string): Promise<Agent> {
    n += 1;
    return signInAs(ctx.app, await ensureStaff(ctx.dataSource, role, `${name}-${n}`));
}

/** The same staff member signed in from several browsers. */
async function signedInThrice(name: string): Promise<Agent[]> {
    const first = await newAgent('mediator', name);
    return [first, await signInAs(ctx.app, first.staff), await signInAs(ctx.app, first.staff)];
}

const isLive = async (agent: Agent) => (await agent.get('/api/auth/me')).status === 200;

describe('POST /api/auth/sessions/revoke-others', () => {
    it('ends every other session of the caller and keeps this one, audited once', async () => {
        const [here, laptop, phone] = await signedInThrice('many browsers');
        const bystander = await newAgent('mediator', 'bystander');

        const res = await here.post('/api/auth/sessions/revoke-others');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ended: 2 });
        expect(res.headers['cache-control']).toBe('no-store');

        expect(await isLive(here)).toBe(true);
        expectUnauthorized(await laptop.get('/api/auth/me'));
        expectUnauthorized(await phone.get('/api/disputes'));
        expect(await isLive(bystander)).toBe(true);

        const event = await oneAuditEventOf(ctx.dataSource, res);
        expect(event).toMatchObject({
            action: 'auth.revoke_other_sessions',
            entity: 'staff',
            entityId: String(here.staff.id),
            actorId: here.staff.id,
            actorRole: 'mediator',
            outcome: 'success',
            after: { ended: 2 },
        });
    });

    it('is open to every role and answers { ended: 0 } when there is no other session', async () => {
        for (const role of ['support', 'mediator', 'supervisor'] as const) {
            const agent = await newAgent(role, 'alone');
            const res = await agent.post('/api/auth/sessions/revoke-others');
            expect(res.status, role).toBe(200);
            expect(res.body).toEqual({ ended: 0 });
        }
    });

    it('needs a session and its CSRF token', async () => {
        expectUnauthorized(await ctx.request().post('/api/auth/sessions/revoke-others'));
        const [here, other] = await signedInThrice('csrf');
        const forged = await ctx
            .request()
            .post('/api/auth/sessions/revoke-others')
            .set('Cookie', here.cookie)
            .set('X-CSRF-Token', 'wrong');
        expectForbidden(forged);
        expect(await isLive(other)).toBe(true);
    });
});

describe('POST /api/staff/:id/revoke-sessions', () => {
    it('lets a supervisor end every session of a staff member, audited once', async () => {
        const supervisor = await newAgent('supervisor', 'revoker');
        const sessions = await signedInThrice('revoked');
        const target = sessions[0].staff;

        const res = await supervisor.post(`/api/staff/${target.id}/revoke-sessions`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ ended: 3 });
        for (const agent of sessions) expectUnauthorized(await agent.get('/api/auth/me'));
        expect(await isLive(supervisor)).toBe(true);

        const event = await oneAuditEventOf(ctx.dataSource, res);
        expect(event).toMatchObject({
            action: 'staff.revoke_sessions',
            entity: 'staff',
            entityId: String(target.id),
            actorId: supervisor.staff.id,
            actorRole: 'supervisor',
            after: { ended: 3 },
        });

        // The staff member may sign in again at once.
        const again = await signInAs(ctx.app, target);
        expect(await isLive(again)).toBe(true);
    });

    it('refuses support and mediators with 403 (audited) and ends nothing', async () => {
        const [victim] = await signedInThrice('protected');
        for (const role of ['support', 'mediator'] as const) {
            const agent = await newAgent(role, 'not allowed');
            const res = await agent.post(`/api/staff/${victim.staff.id}/revoke-sessions`);
            expectForbidden(res);
            expect((await oneAuditEventOf(ctx.dataSource, res)).action).toBe('access.denied');
        }
        expect(await isLive(victim)).toBe(true);
    });

    it('answers 404 for a staff member that does not exist and 400 for a malformed id', async () => {
        const supervisor = await newAgent('supervisor', 'lost');
        const missing = await supervisor.post('/api/staff/999999/revoke-sessions');
        expect(missing.status).toBe(404);
        expect(missing.body.message).toMatch(/does not exist/);
        const malformed = await supervisor.post('/api/staff/abc/revoke-sessions');
        expect(malformed.status).toBe(400);
        expect(malformed.body.message).toEqual(expect.any(String));
    });

    it('lets a supervisor end their own sessions too, this one included', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'supervisor', 'self-revoker');
        const supervisor = await signInAs(ctx.app, staff);
        const res = await supervisor.post(`/api/staff/${staff.id}/revoke-sessions`);
        expect(res.status).toBe(200);
        expectUnauthorized(await supervisor.get('/api/auth/me'));
    });
});
