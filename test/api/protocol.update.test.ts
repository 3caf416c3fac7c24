import simpleRestProvider from 'ra-data-simple-rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Staff } from '../../server/src/entities';
import { REFUSES_METHOD } from '../../server/src/http/routeMethods';
import { WHOLE_RECORD_UPDATE } from '../../server/src/rest/validateUpdate';
import { ensureStaff, type Agent } from '../helpers/agent';
import { expectError } from '../helpers/rest';
import { registeredRoutes, routeName } from '../helpers/routes';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** Issue 8, item 10: PUT takes the whole record, as ra-data-simple-rest's stock `update` sends it. */
let ctx: TestApp;
let supervisor: Agent;
beforeAll(async () => {
    ctx = await createTestApp();
    supervisor = await ctx.as('supervisor');
});
afterAll(() => ctx?.close());

let sequence = 0;
/** A staff member to edit, and their record as GET /api/staff/:id shows it. */
async function member(): Promise<Record<string, unknown>> {
    const staff = await ensureStaff(ctx.dataSource, 'support', `put-target-${++sequence}`);
    const res = await supervisor.get(`/api/staff/${staff.id}`);
    expect(res.status).toBe(200);
    return res.body;
}

const put = (record: Record<string, unknown>) => supervisor.put(`/api/staff/${record.id}`).send(record);

const stored = (id: unknown) => ctx.dataSource.getRepository(Staff).findOneByOrFail({ id: Number(id) });

const auditCount = () => ctx.dataSource.getRepository(AuditEvent).count();

/** The stock provider, its HTTP calls answered by the real app with the supervisor's session. */
function stockProvider() {
    return simpleRestProvider(
        '/api',
        async (url: string, options: { method?: string; body?: unknown } = {}) => {
            const method = (options.method ?? 'GET').toLowerCase() as 'get' | 'put';
            let req = supervisor[method](url);
            if (options.body !== undefined)
                req = req.set('Content-Type', 'application/json').send(String(options.body));
            const res = await req;
            if (res.status >= 400) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
            return {
                status: res.status,
                headers: new Headers(res.headers as Record<string, string>),
                body: res.text,
                json: res.body,
            };
        }
    );
}

describe('PUT /api/staff/:id with the whole record', () => {
    it('saves a change sent by the stock ra-data-simple-rest update, which sends every field', async () => {
        const record = await member();
        const provider = stockProvider();

        const { data } = await provider.update('staff', {
            id: record.id as number,
            data: { ...record, fullName: 'Renamed By Stock Provider' },
            previousData: record as never,
        });

        expect(data).toMatchObject({
            id: record.id,
            fullName: 'Renamed By Stock Provider',
            email: record.email,
        });
        expect((await stored(record.id)).fullName).toBe('Renamed By Stock Provider');
    });

    it('accepts the record unchanged', async () => {
        const record = await member();

        const res = await put(record);

        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({ id: record.id, email: record.email, fullName: record.fullName });
    });

    it('changes the role and active flag sent with every other field, as one audited change', async () => {
        const record = await member();
        const before = await auditCount();

        const res = await put({ ...record, role: 'mediator' });

        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.role).toBe('mediator');
        expect(await auditCount()).toBe(before + 1);
    });

    it('takes read-only dates written differently but meaning the same instant', async () => {
        const record = await member();
        const createdAt = new Date(String(record.createdAt)).toISOString().replace('Z', '+00:00');

        const res = await put({ ...record, createdAt, fullName: 'Same Instant' });

        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.fullName).toBe('Same Instant');
    });

    it.each([
        ['email', 'someone.else@test.example'],
        ['createdAt', '2020-01-01T00:00:00.000Z'],
        ['lockedUntil', '2030-01-01T00:00:00.000Z'],
    ])('refuses a change of the read-only %s (400 naming it) and changes nothing', async (field, value) => {
        const record = await member();
        const before = await auditCount();

        const res = await put({ ...record, [field]: value, fullName: 'Should Not Stick' });

        expectError(res, 400, new RegExp(`Read-only fields of staff cannot be changed: ${field}`));
        expect(res.body.errors).toEqual({ [field]: 'is read-only' });
        expect((await stored(record.id)).fullName).toBe(record.fullName);
        expect(await auditCount()).toBe(before);
    });

    it('refuses an id in the body other than the one in the path, naming id', async () => {
        const record = await member();
        const other = await member();

        const res = await supervisor.put(`/api/staff/${record.id}`).send({ ...record, id: other.id });

        expectError(res, 400, /Read-only/);
        expect(res.body.errors).toHaveProperty('id');
    });

    it('names every read-only field that changed', async () => {
        const record = await member();

        const res = await put({ ...record, email: 'x@test.example', createdAt: '2021-01-01T00:00:00Z' });

        expectError(res, 400);
        expect(Object.keys(res.body.errors).sort()).toEqual(['createdAt', 'email']);
    });

    it('answers 409 to a copy older than the stored record (another updatedAt), changing nothing', async () => {
        const record = await member();
        const outdated = new Date(Date.parse(String(record.updatedAt)) - 60_000).toISOString();

        const res = await put({ ...record, updatedAt: outdated, fullName: 'Outdated Editor' });

        expectError(res, 409, /changed since it was read/);
        expect(res.body.errors).toHaveProperty('updatedAt');
        expect((await stored(record.id)).fullName).toBe(record.fullName);
    });

    it.each([
        ['passwordHash', 'scrypt$forged'],
        ['isAdmin', true],
        ['failedLoginCount', 0],
    ])('still refuses the unknown field %s, naming it', async (field, value) => {
        const record = await member();

        const res = await put({ ...record, [field]: value });

        expectError(res, 400, new RegExp(`Unknown fields for staff: ${field}`));
        expect(res.body.errors).toHaveProperty(field);
    });

    it('validates the writable fields it was sent, naming them', async () => {
        const record = await member();

        const res = await put({ ...record, role: 'root' });

        expectError(res, 400);
        expect(res.body.errors).toHaveProperty('role');
    });

    it('answers 404 for a whole record of a staff member that does not exist', async () => {
        const record = await member();

        const res = await supervisor.put('/api/staff/999999').send({ ...record, id: 999999 });

        expectError(res, 404);
    });
});

describe('every PUT route', () => {
    it('checks its body with the one whole-record rule, or refuses the method', () => {
        const puts = registeredRoutes(ctx.app).filter((route) => route.method === 'PUT');
        expect(puts.map(routeName)).toContain('PUT /api/staff/:id');
        const marked = (marker: symbol) => (handler: unknown) =>
            typeof handler === 'function' && (handler as unknown as Record<symbol, unknown>)[marker] === true;
        const unchecked = puts
            .filter((route) => !route.handlers.some(marked(WHOLE_RECORD_UPDATE)))
            .filter((route) => !route.handlers.some(marked(REFUSES_METHOD)))
            .map(routeName);
        expect(unchecked).toEqual([]);
    });
});
