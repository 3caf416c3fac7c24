import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'supertest';
import { AuditEvent, Session, Staff } from '../../server/src/entities';
import { ensureStaff, TEST_PASSWORD, type Agent } from '../helpers/agent';
import { oneAuditEventOf, rawAuditRows } from '../helpers/audit';
import { listUrl } from '../helpers/rest';
import { freshAgent, sessionCookieOf } from '../helpers/sessions';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

const IP = '203.0.113.9';
const CREATED_PASSWORD = 'created with this passphrase';
const RESET_PASSWORD = 'reset to this passphrase';
const WRONG_PASSWORD = 'a mistyped passphrase';

let ctx: TestApp;
let supervisor: Agent;
const agents: Agent[] = [];
beforeAll(async () => {
    ctx = await createTestApp({ TRUST_PROXY: 'loopback' });
    supervisor = await freshAgent(ctx, 'supervisor');
    agents.push(supervisor);
});
afterAll(() => ctx.close());

interface Expected {
    actorId: number | null;
    actorRole: string;
    action: string;
    entityId: string | null;
    entity?: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    outcome?: string;
}

/** Asserts the one event the response wrote, as stored and as GET /api/audit-events/:id shows it. */
async function expectAudited(res: Response, expected: Expected, at: Date): Promise<AuditEvent> {
    const event = await oneAuditEventOf(ctx.dataSource, res);
    const wire = await supervisor.get(`/api/audit-events/${event.id}`);
    expect(wire.status).toBe(200);
    expect(wire.body).toEqual({
        id: event.id,
        occurredAt: at.toISOString(),
        entity: 'staff',
        before: null,
        after: null,
        outcome: 'success',
        ...expected,
        requestId: res.headers['x-request-id'],
        ip: IP,
        prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    return event;
}

/** Moves the clock to an odd millisecond, so that the stored time is checked to the millisecond. */
function tick(): Date {
    ctx.clock.advance(61_007);
    return ctx.clock.now();
}

describe('audit events of sign-in, access and staff management', () => {
    it('writes exactly one event per action, with UTC time, actor, role, entity, before/after, request id, IP and outcome', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'support', 'audited support');
        const login = (password: string) =>
            ctx
                .request()
                .post('/api/auth/login')
                .set('X-Forwarded-For', IP)
                .send({ email: staff.email, password });

        let at = tick();
        const failed = await login(WRONG_PASSWORD);
        expect(failed.status).toBe(401);
        await expectAudited(
            failed,
            {
                actorId: staff.id,
                actorRole: 'support',
                action: 'auth.login_failed',
                entityId: String(staff.id),
                after: { email: staff.email },
                outcome: 'failure',
            },
            at
        );

        at = tick();
        const ok = await login(TEST_PASSWORD);
        expect(ok.status).toBe(200);
        await expectAudited(
            ok,
            { actorId: staff.id, actorRole: 'support', action: 'auth.login', entityId: String(staff.id) },
            at
        );
        const cookie = `dd_session=${sessionCookieOf(ok).value}`;

        at = tick();
        const denied = await ctx.request().get('/api/staff').set('Cookie', cookie).set('X-Forwarded-For', IP);
        expect(denied.status).toBe(403);
        await expectAudited(
            denied,
            {
                actorId: staff.id,
                actorRole: 'support',
                action: 'access.denied',
                entityId: null,
                after: { action: 'list', method: 'GET', path: '/api/staff', reason: denied.body.message },
                outcome: 'denied',
            },
            at
        );

        at = tick();
        const logout = await ctx
            .request()
            .post('/api/auth/logout')
            .set('Cookie', cookie)
            .set('X-CSRF-Token', ok.body.csrfToken)
            .set('X-Forwarded-For', IP);
        expect(logout.status).toBe(204);
        await expectAudited(
            logout,
            { actorId: staff.id, actorRole: 'support', action: 'auth.logout', entityId: String(staff.id) },
            at
        );

        const by = { actorId: supervisor.staff.id, actorRole: 'supervisor' };
        const fields = {
            email: 'audited.hire@test.example',
            fullName: 'Audited Hire',
            role: 'mediator',
            active: true,
        };
        at = tick();
        const created = await supervisor.post('/api/staff').set('X-Forwarded-For', IP).send({
            email: fields.email,
            fullName: fields.fullName,
            role: fields.role,
            password: CREATED_PASSWORD,
        });
        expect(created.status).toBe(201);
        const id = created.body.id as number;
        await expectAudited(
            created,
            { ...by, action: 'staff.create', entityId: String(id), after: fields },
            at
        );

        const changes: [Record<string, unknown>, string, Record<string, unknown>][] = [
            [{ role: 'supervisor' }, 'staff.change_role', { ...fields, role: 'supervisor' }],
            [
                { fullName: 'Audited Hire Renamed' },
                'staff.update',
                { ...fields, role: 'supervisor', fullName: 'Audited Hire Renamed' },
            ],
            [
                { active: false },
                'staff.deactivate',
                { ...fields, role: 'supervisor', fullName: 'Audited Hire Renamed', active: false },
            ],
            [
                { active: true },
                'staff.activate',
                { ...fields, role: 'supervisor', fullName: 'Audited Hire Renamed', active: true },
            ],
        ];
        let before: Record<string, unknown> = fields;
        for (const [change, action, after] of changes) {
            at = tick();
            const res = await supervisor.put(`/api/staff/${id}`).set('X-Forwarded-For', IP).send(change);
            expect(res.status, action).toBe(200);
            await expectAudited(res, { ...by, action, entityId: String(id), before, after }, at);
            before = after;
        }

        at = tick();
        const reset = await supervisor
            .post(`/api/staff/${id}/reset-password`)
            .set('X-Forwarded-For', IP)
            .send({ password: RESET_PASSWORD });
        expect(reset.status).toBe(200);
        await expectAudited(reset, { ...by, action: 'staff.reset_password', entityId: String(id) }, at);
    });

    it('keeps a sane X-Request-Id sent by the client and replaces an unusable one', async () => {
        const support = await freshAgent(ctx, 'support');
        const kept = await support.get('/api/audit-events').set('X-Request-Id', 'client-req.42');
        expect(kept.headers['x-request-id']).toBe('client-req.42');
        expect((await oneAuditEventOf(ctx.dataSource, kept)).requestId).toBe('client-req.42');

        const replaced = await support.get('/api/audit-events').set('X-Request-Id', 'bad id; with spaces');
        expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        expect((await oneAuditEventOf(ctx.dataSource, replaced)).requestId).toBe(
            replaced.headers['x-request-id']
        );
    });

    it('lets a supervisor list the log, newest first, filtered by action', async () => {
        const res = await supervisor.get(
            listUrl('/api/audit-events', { filter: { action: 'staff.create' } })
        );
        expect(res.status).toBe(200);
        expect(res.body.length).toBeGreaterThan(0);
        expect(res.body.every((event: AuditEvent) => event.action === 'staff.create')).toBe(true);
        for (const event of res.body as { occurredAt: string }[]) {
            expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
            expect(new Date(event.occurredAt).getTime()).toBeGreaterThan(TEST_NOW.getTime());
        }
    });
});

describe('GET /api/audit-events/verify', () => {
    it('walks the whole chain and finds it intact', async () => {
        const res = await supervisor.get('/api/audit-events/verify');
        expect(res.status).toBe(200);
        const total = await ctx.dataSource.getRepository(AuditEvent).count();
        expect(total).toBeGreaterThan(10);
        expect(res.body).toEqual({
            ok: true,
            checked: total,
            anchoredTo: expect.any(Number),
            firstBroken: null,
        });
    });
});

describe('append-only audit log', () => {
    it('is refused by the database itself: a direct UPDATE or DELETE fails and changes nothing', async () => {
        const events = await ctx.dataSource.getRepository(AuditEvent).find({ order: { id: 'ASC' } });
        const target = events[1];
        await expect(
            ctx.dataSource.query(`UPDATE audit_event SET action = 'forged' WHERE id = ${target.id}`)
        ).rejects.toThrow(/append-only/);
        await expect(
            ctx.dataSource.query(`UPDATE audit_event SET "after" = '{}' WHERE id = ${target.id}`)
        ).rejects.toThrow(/append-only/);
        await expect(ctx.dataSource.query(`DELETE FROM audit_event WHERE id = ${target.id}`)).rejects.toThrow(
            /append-only/
        );
        await expect(ctx.dataSource.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
        expect(await ctx.dataSource.getRepository(AuditEvent).find({ order: { id: 'ASC' } })).toEqual(events);
    });

    it('has no API route that changes or removes an event (405)', async () => {
        const [event] = await ctx.dataSource
            .getRepository(AuditEvent)
            .find({ order: { id: 'ASC' }, take: 1 });
        const attempts = [
            supervisor.put(`/api/audit-events/${event.id}`).send({ action: 'forged' }),
            supervisor.patch(`/api/audit-events/${event.id}`).send({ action: 'forged' }),
            supervisor.delete(`/api/audit-events/${event.id}`),
            supervisor.delete('/api/audit-events'),
            supervisor.post('/api/audit-events').send({ action: 'forged', entity: 'staff' }),
        ];
        for (const res of await Promise.all(attempts)) {
            expect(res.status, `${res.request.method} ${res.request.url}`).toBe(405);
            expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
            expect(res.body).toEqual({ message: expect.stringMatching(/audit-events cannot be changed/) });
        }
        expect(await ctx.dataSource.getRepository(AuditEvent).findOneByOrFail({ id: event.id })).toEqual(
            event
        );
        expect((await supervisor.get('/api/audit-events/verify')).body.ok).toBe(true);
    });
});

describe('secrets in the audit log', () => {
    it('never holds a password, a password hash, a session token or a CSRF token', async () => {
        const other = await freshAgent(ctx, 'mediator');
        agents.push(other, await freshAgent(ctx, 'support'));
        await other.post('/api/auth/logout');
        const rows = (await rawAuditRows(ctx.dataSource)).join('\n');
        expect(rows.length).toBeGreaterThan(0);

        for (const password of [TEST_PASSWORD, CREATED_PASSWORD, RESET_PASSWORD, WRONG_PASSWORD]) {
            expect(rows).not.toContain(password);
        }
        for (const agent of agents) {
            expect(rows).not.toContain(agent.cookie.split('=')[1]);
            expect(rows).not.toContain(agent.csrfToken);
        }
        const sessions = await ctx.dataSource.getRepository(Session).find();
        expect(sessions.length).toBeGreaterThan(3);
        for (const session of sessions) {
            expect(rows).not.toContain(session.tokenHash);
            expect(rows).not.toContain(session.csrfToken);
        }
        const hashes = await ctx.dataSource
            .getRepository(Staff)
            .createQueryBuilder('staff')
            .select('staff.passwordHash', 'hash')
            .getRawMany<{ hash: string }>();
        for (const { hash } of hashes) expect(rows).not.toContain(hash.split('$').pop());
        expect(rows).not.toMatch(/scrypt\$|csrf|cookie|dd_session/i);
        const keys = (value: unknown): string[] =>
            value && typeof value === 'object'
                ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)])
                : [];
        for (const event of await ctx.dataSource.getRepository(AuditEvent).find()) {
            expect(
                keys([event.before, event.after]).filter((key) => /pass|token|session|hash|cookie/i.test(key))
            ).toEqual([]);
        }
    });
});
