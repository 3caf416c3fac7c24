import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Staff } from '../../server/src/entities';
import { ensureStaff, TEST_PASSWORD, type Agent } from '../helpers/agent';
import { oneAuditEventOf } from '../helpers/audit';
import { buildDispute } from '../helpers/factories';
import { expectForbidden, expectUnauthorized } from '../helpers/sessions';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
let support: Agent;
let mediator: Agent;
let supervisor: Agent;
let disputeId: number;
beforeAll(async () => {
    ctx = await createTestApp();
    [support, mediator, supervisor] = await Promise.all([
        ctx.as('support'),
        ctx.as('mediator'),
        ctx.as('supervisor'),
    ]);
    disputeId = (await buildDispute(ctx.dataSource, { status: 'escalated' })).id;
});
afterAll(() => ctx.close());

describe('without a session', () => {
    it('every /api route but sign-in answers 401', async () => {
        const urls = [
            '/api/disputes',
            `/api/disputes/${disputeId}`,
            `/api/disputes/${disputeId}/timeline`,
            '/api/orders',
            '/api/buyers',
            '/api/decisions',
            '/api/staff',
            '/api/audit-events',
            '/api/audit-events/verify',
            '/api/no-such-route',
        ];
        for (const url of urls) expectUnauthorized(await ctx.request().get(url), /sign in/i);
        expectUnauthorized(await ctx.request().post('/api/staff').send({}));
        expectUnauthorized(
            await ctx.request().put(`/api/staff/${supervisor.staff.id}`).send({ active: false })
        );
        expectUnauthorized(await ctx.request().delete('/api/audit-events/1'));
    });
});

describe('support', () => {
    it.each(['/api/staff', '/api/audit-events', '/api/audit-events/verify'])(
        'gets 403 on GET %s',
        async (url) => {
            expectForbidden(await support.get(url), /support may not/);
        }
    );

    it('gets 403 on a single staff member and a single audit event', async () => {
        expectForbidden(await support.get(`/api/staff/${supervisor.staff.id}`));
        expectForbidden(await support.get('/api/audit-events/1'));
    });

    it('reads disputes', async () => {
        expect((await support.get('/api/disputes')).status).toBe(200);
        expect((await support.get(`/api/disputes/${disputeId}`)).status).toBe(200);
    });
});

describe('mediator', () => {
    it('gets 403 on every staff management endpoint, and nothing changes', async () => {
        const before = await ctx.dataSource.getRepository(Staff).find({ order: { id: 'ASC' } });
        expectForbidden(await mediator.get('/api/staff'));
        expectForbidden(await mediator.get(`/api/staff/${support.staff.id}`));
        expectForbidden(
            await mediator.post('/api/staff').send({
                email: 'sneaky@test.example',
                fullName: 'Sneaky',
                role: 'supervisor',
                password: 'long enough password',
            })
        );
        expectForbidden(await mediator.put(`/api/staff/${support.staff.id}`).send({ active: false }));
        expectForbidden(await mediator.put(`/api/staff/${mediator.staff.id}`).send({ role: 'supervisor' }));
        expectForbidden(
            await mediator
                .post(`/api/staff/${support.staff.id}/reset-password`)
                .send({ password: 'long enough password' })
        );
        expect(await ctx.dataSource.getRepository(Staff).find({ order: { id: 'ASC' } })).toEqual(before);
        expect((await support.get('/api/auth/me')).status).toBe(200);
    });

    it('gets 403 on the audit log', async () => {
        expectForbidden(await mediator.get('/api/audit-events'));
        expectForbidden(await mediator.get('/api/audit-events/verify'));
    });

    it('is refused before the body is validated: a malformed body still gets 403', async () => {
        expectForbidden(await mediator.post('/api/staff').send({ nonsense: true }));
    });
});

describe('supervisor', () => {
    it.each(['/api/staff', '/api/audit-events', '/api/audit-events/verify', '/api/disputes'])(
        'gets 200 on GET %s',
        async (url) => {
            expect((await supervisor.get(url)).status).toBe(200);
        }
    );
});

describe('a refusal', () => {
    it('writes one access.denied audit event with outcome denied, naming who, what and why', async () => {
        const res = await mediator.put(`/api/staff/${support.staff.id}`).send({ active: false });
        expectForbidden(res, /mediator may not edit staff/);
        const event = await oneAuditEventOf(ctx.dataSource, res);
        expect(event).toMatchObject({
            action: 'access.denied',
            outcome: 'denied',
            actorId: mediator.staff.id,
            actorRole: 'mediator',
            entity: 'staff',
            entityId: String(support.staff.id),
            before: null,
            after: {
                action: 'edit',
                method: 'PUT',
                path: `/api/staff/${support.staff.id}`,
                reason: res.body.message,
            },
        });
    });

    it('is audited for reads too, once per refused request', async () => {
        const res = await support.get('/api/audit-events/verify');
        expectForbidden(res);
        expect(await oneAuditEventOf(ctx.dataSource, res)).toMatchObject({
            action: 'access.denied',
            outcome: 'denied',
            actorId: support.staff.id,
            entity: 'audit-events',
            after: { action: 'verify', method: 'GET', path: '/api/audit-events/verify' },
        });
    });

    it('is still a 403, and audited, for an id far longer than any real one', async () => {
        const longId = '1'.repeat(200);
        const res = await support.get(`/api/staff/${longId}`);
        expectForbidden(res);
        const event = await oneAuditEventOf(ctx.dataSource, res);
        expect(event.entityId).toBe(longId.slice(0, 64));
        expect(event.after).toMatchObject({ path: `/api/staff/${longId}` });
        expect((await supervisor.get('/api/audit-events/verify')).body.ok).toBe(true);
    });

    it('does not end the session (the SPA stays signed in after a 403)', async () => {
        expectForbidden(await support.get('/api/staff'));
        expect((await support.get('/api/auth/me')).status).toBe(200);
    });
});

describe('a forged X-Forwarded-For that is not an address', () => {
    it('neither breaks sign-in nor enters the log; the connection address is recorded', async () => {
        const forged = 'not-an-address-'.repeat(8);
        const staff = await ensureStaff(ctx.dataSource, 'support', 'forged xff');
        const res = await ctx
            .request()
            .post('/api/auth/login')
            .set('X-Forwarded-For', forged)
            .send({ email: staff.email, password: TEST_PASSWORD });
        expect(res.status).toBe(200);
        const event = await oneAuditEventOf(ctx.dataSource, res);
        expect(event.action).toBe('auth.login');
        expect(event.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);

        const unknown = await supervisor.get('/api/no-such-thing').set('X-Forwarded-For', forged);
        expect(unknown.status).toBe(404);
        const refused = await support.get('/api/staff').set('X-Forwarded-For', forged);
        expectForbidden(refused);
        expect((await oneAuditEventOf(ctx.dataSource, refused)).ip).not.toContain('not-an-address');
    });
});
