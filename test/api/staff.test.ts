import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Staff } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import { oneAuditEventOf } from '../helpers/audit';
import { listUrl } from '../helpers/rest';
import { expectForbidden, freshAgent } from '../helpers/sessions';
import { createTestApp, type TestApp } from '../helpers/testApp';

const NEW_PASSWORD = 'twelve chars ok!';
const SECRET_SHAPES = /scrypt\$|passwordHash|"password"|hash/i;

let ctx: TestApp;
let supervisor: Agent;
beforeAll(async () => {
    ctx = await createTestApp();
    supervisor = await freshAgent(ctx, 'supervisor');
});
afterAll(() => ctx.close());

let n = 0;
const body = (overrides: Record<string, unknown> = {}) => ({
    email: `hire${++n}@test.example`,
    fullName: `New Hire ${n}`,
    role: 'mediator',
    password: NEW_PASSWORD,
    ...overrides,
});
const create = (payload: Record<string, unknown>) => supervisor.post('/api/staff').send(payload);
const staffCount = () => ctx.dataSource.getRepository(Staff).count();

function expectNoSecrets(value: unknown) {
    const text = JSON.stringify(value);
    expect(text).not.toMatch(SECRET_SHAPES);
    expect(text).not.toContain(NEW_PASSWORD);
}

describe('POST /api/staff', () => {
    it('creates a staff member (201) without any hash in the record, with the email lower-cased', async () => {
        const res = await create(body({ email: '  Mixed.Case@Test.Example ' }));
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({
            id: expect.any(Number),
            email: 'mixed.case@test.example',
            fullName: `New Hire ${n}`,
            role: 'mediator',
            active: true,
        });
        expectNoSecrets(res.body);
        const signIn = await ctx
            .request()
            .post('/api/auth/login')
            .send({ email: 'MIXED.case@test.example', password: NEW_PASSWORD });
        expect(signIn.status).toBe(200);

        const event = await oneAuditEventOf(ctx.dataSource, res);
        expect(event).toMatchObject({
            action: 'staff.create',
            entity: 'staff',
            entityId: String(res.body.id),
            before: null,
        });
        expect(event.after).toEqual({
            email: 'mixed.case@test.example',
            fullName: `New Hire ${n}`,
            role: 'mediator',
            active: true,
        });
        expectNoSecrets([event.before, event.after]);
    });

    it('answers 409 for an email already in use, in any case', async () => {
        const first = await create(body({ email: 'taken@test.example' }));
        expect(first.status).toBe(201);
        const count = await staffCount();
        const res = await create(body({ email: 'TAKEN@test.example' }));
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(/already exists/);
        expect(await staffCount()).toBe(count);
    });

    it('creates exactly one of several concurrent requests for one email; the others get 409, never 500', async () => {
        // Several rounds: a single one often lets the requests go through one after the other.
        for (let round = 0; round < 5; round++) {
            const payload = body({ email: `race${round}@test.example` });
            const answers = await Promise.all(Array.from({ length: 6 }, () => create(payload)));
            expect(answers.map((res) => res.status).sort(), `round ${round}`).toEqual([
                201, 409, 409, 409, 409, 409,
            ]);
            expect(await ctx.dataSource.getRepository(Staff).countBy({ email: payload.email })).toBe(1);
        }
    });

    it('refuses a password shorter than 12 characters, naming the field', async () => {
        const res = await create(body({ password: 'elevenchars' }));
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual({ password: expect.stringMatching(/12/) });
        expect((await create(body({ password: 'twelve chars' }))).status).toBe(201);
    });

    it.each([
        ['passwordHash', 'scrypt$1$1$1$c2FsdA==$aGFzaA=='],
        ['id', 4242],
        ['active', false],
        ['failedLoginCount', 0],
        ['lockedUntil', null],
        ['createdAt', '2020-01-01T00:00:00.000Z'],
    ])('refuses the field %s in the body (no mass assignment)', async (field, value) => {
        const count = await staffCount();
        const res = await create(body({ [field]: value }));
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).toContain(field);
        expect(await staffCount()).toBe(count);
    });

    it.each([['admin'], ['SUPERVISOR'], [''], [null]])('refuses the role %j', async (role) => {
        const res = await create(body({ role }));
        expect(res.status).toBe(400);
        expect(Object.keys(res.body.errors)).toContain('role');
    });

    it('names every missing field', async () => {
        const res = await create({});
        expect(res.status).toBe(400);
        expect(Object.keys(res.body.errors).sort()).toEqual(['email', 'fullName', 'password', 'role']);
    });
});

describe('GET /api/staff and /api/staff/:id', () => {
    it('never leak a password hash', async () => {
        const created = await create(body());
        const list = await supervisor.get(listUrl('/api/staff', { range: [0, 99] }));
        expect(list.status).toBe(200);
        expect(list.body.length).toBeGreaterThan(1);
        expectNoSecrets(list.body);
        const one = await supervisor.get(`/api/staff/${created.body.id}`);
        expect(one.status).toBe(200);
        expect(one.body).toEqual(created.body);
        expectNoSecrets(one.body);
    });

    it('refuse to filter or sort on the password hash', async () => {
        expect((await supervisor.get(listUrl('/api/staff', { filter: { passwordHash: 'x' } }))).status).toBe(
            400
        );
        expect((await supervisor.get(listUrl('/api/staff', { sort: ['passwordHash', 'ASC'] }))).status).toBe(
            400
        );
    });
});

describe('PUT /api/staff/:id', () => {
    it('changes the role, effective at once for the live session, with one audit event', async () => {
        const mediator = await freshAgent(ctx, 'mediator');
        expectForbidden(await mediator.get('/api/staff'));
        const res = await supervisor.put(`/api/staff/${mediator.staff.id}`).send({ role: 'supervisor' });
        expect(res.status).toBe(200);
        expect(res.body.role).toBe('supervisor');
        expect((await mediator.get('/api/staff')).status).toBe(200);

        const event = await oneAuditEventOf(ctx.dataSource, res);
        expect(event).toMatchObject({
            action: 'staff.change_role',
            entity: 'staff',
            entityId: String(mediator.staff.id),
        });
        expect(event.before).toMatchObject({ role: 'mediator', active: true, email: mediator.staff.email });
        expect(event.after).toMatchObject({ role: 'supervisor', active: true, email: mediator.staff.email });
        expectNoSecrets([event.before, event.after]);

        const demoted = await supervisor.put(`/api/staff/${mediator.staff.id}`).send({ role: 'support' });
        expect(demoted.status).toBe(200);
        expectForbidden(await mediator.get('/api/staff'));
    });

    it('deactivates and reactivates, each with one audit event', async () => {
        const id = (await create(body())).body.id as number;
        const off = await supervisor.put(`/api/staff/${id}`).send({ active: false });
        expect(off.status).toBe(200);
        expect(off.body.active).toBe(false);
        const offEvent = await oneAuditEventOf(ctx.dataSource, off);
        expect(offEvent).toMatchObject({
            action: 'staff.deactivate',
            before: { active: true },
            after: { active: false },
        });

        const on = await supervisor.put(`/api/staff/${id}`).send({ active: true });
        expect(on.status).toBe(200);
        expect(on.body.active).toBe(true);
        const onEvent = await oneAuditEventOf(ctx.dataSource, on);
        expect(onEvent).toMatchObject({
            action: 'staff.activate',
            before: { active: false },
            after: { active: true },
        });
        expectNoSecrets([offEvent.before, offEvent.after, onEvent.before, onEvent.after]);
    });

    it('renames, with one audit event', async () => {
        const id = (await create(body())).body.id as number;
        const res = await supervisor.put(`/api/staff/${id}`).send({ fullName: '  Renamed Person ' });
        expect(res.status).toBe(200);
        expect(res.body.fullName).toBe('Renamed Person');
        const event = await oneAuditEventOf(ctx.dataSource, res);
        expect(event).toMatchObject({ action: 'staff.update', after: { fullName: 'Renamed Person' } });
    });

    it('does not let a supervisor deactivate themselves or change their own role (409)', async () => {
        const self = supervisor.staff.id;
        for (const change of [{ active: false }, { role: 'mediator' }]) {
            const res = await supervisor.put(`/api/staff/${self}`).send(change);
            expect(res.status, JSON.stringify(change)).toBe(409);
            expect(res.body.message).toMatch(/yourself|your own/);
        }
        const stored = await ctx.dataSource.getRepository(Staff).findOneByOrFail({ id: self });
        expect(stored).toMatchObject({ active: true, role: 'supervisor' });
        expect((await supervisor.get('/api/auth/me')).status).toBe(200);
    });

    it.each([
        [{ email: 'new@test.example' }, 'email'],
        [{ password: 'a long enough password' }, 'password'],
        [{ passwordHash: 'scrypt$x' }, 'passwordHash'],
        [{ id: 1 }, 'id'],
        [{ role: 'root' }, 'role'],
        [{ active: 'no' }, 'active'],
    ])('refuses %j (400 naming %s)', async (change, field) => {
        const id = (await create(body())).body.id as number;
        const before = await supervisor.get(`/api/staff/${id}`);
        const res = await supervisor.put(`/api/staff/${id}`).send(change);
        expect(res.status).toBe(400);
        expect(JSON.stringify(res.body)).toContain(field);
        expect((await supervisor.get(`/api/staff/${id}`)).body).toEqual(before.body);
    });

    it('refuses an empty change, an unknown id and a malformed id', async () => {
        const id = (await create(body())).body.id as number;
        expect((await supervisor.put(`/api/staff/${id}`).send({})).status).toBe(400);
        expect((await supervisor.put('/api/staff/999999').send({ fullName: 'Nobody' })).status).toBe(404);
        expect((await supervisor.put('/api/staff/abc').send({ fullName: 'Nobody' })).status).toBe(400);
    });
});

describe('POST /api/staff/:id/reset-password', () => {
    it('sets a new password with one audit event that holds no secret', async () => {
        const id = (await create(body())).body.id as number;
        const res = await supervisor
            .post(`/api/staff/${id}/reset-password`)
            .send({ password: 'the reset passphrase' });
        expect(res.status).toBe(200);
        expectNoSecrets(res.body);
        const event = await oneAuditEventOf(ctx.dataSource, res);
        expect(event).toMatchObject({
            action: 'staff.reset_password',
            entity: 'staff',
            entityId: String(id),
        });
        expect(JSON.stringify(event)).not.toContain('the reset passphrase');
    });

    it('refuses a short password, extra fields and an unknown staff member', async () => {
        const id = (await create(body())).body.id as number;
        const short = await supervisor.post(`/api/staff/${id}/reset-password`).send({ password: 'short' });
        expect(short.status).toBe(400);
        expect(Object.keys(short.body.errors)).toEqual(['password']);
        const extra = await supervisor
            .post(`/api/staff/${id}/reset-password`)
            .send({ password: NEW_PASSWORD, active: true });
        expect(extra.status).toBe(400);
        const missing = await supervisor
            .post('/api/staff/999999/reset-password')
            .send({ password: NEW_PASSWORD });
        expect(missing.status).toBe(404);
    });
});
