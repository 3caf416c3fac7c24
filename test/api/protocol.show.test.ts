import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../helpers/agent';
import { byName, RESOURCE_CASES, rowsOf, seedAllCases } from '../helpers/resourceCases';
import { expectError, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** getOne, and what the generic protocol refuses: unknown ids, malformed ids, writes. */
let ctx: TestApp;
let api: Agent;

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    await seedAllCases(ctx.dataSource);
});

afterAll(() => ctx?.close());

const MALFORMED_IDS = ['abc', '0', '1.5', '-1', '01', '1e3', '0x1f'];

describe.each(byName(RESOURCE_CASES))('GET /api/%s/:id', (_name, c) => {
    it('returns the record exactly as the list shows it', async () => {
        const rows = await rowsOf(ctx.dataSource, c);
        const id = rows[rows.length - 1].id;

        const res = await api.get(`/api/${c.name}/${id}`);
        const listed = await api.get(listUrl(`/api/${c.name}`, { filter: { id } }));

        expect(res.status).toBe(200);
        expect(res.body.id).toBe(id);
        expect(listed.body).toHaveLength(1);
        expect(res.body).toEqual(listed.body[0]);
    });

    it('answers 404 with a JSON message for an unknown id', async () => {
        const rows = await rowsOf(ctx.dataSource, c);
        const unknown = Math.max(...rows.map((r) => r.id)) + 1000;

        const res = await api.get(`/api/${c.name}/${unknown}`);

        expectError(res, 404, new RegExp(String(unknown)));
    });

    it.each(MALFORMED_IDS)('answers 400 for the id "%s"', async (id) => {
        const res = await api.get(`/api/${c.name}/${id}`);

        expectError(res, 400, /positive integer/);
        expect(res.body.message).toContain(id);
    });
});

/** Every resource except staff, which supervisors manage through their own routes. */
const READ_ONLY = RESOURCE_CASES.filter((c) => c.name !== 'staff');

describe.each(byName(READ_ONLY))('writes to /api/%s', (_name, c) => {
    async function someId() {
        return (await rowsOf(ctx.dataSource, c))[0].id;
    }

    it('answers 405 to POST, naming the method and allowing GET', async () => {
        const res = await api.post(`/api/${c.name}`).send({ note: 'anything' });

        expectError(res, 405, /POST/);
        expect(res.headers.allow).toMatch(/GET/);
    });

    it('answers 405 to PUT of a record', async () => {
        const res = await api.put(`/api/${c.name}/${await someId()}`).send({ status: 'closed' });

        expectError(res, 405, /PUT/);
        expect(res.headers.allow).toMatch(/GET/);
    });

    it('answers 405 to DELETE of a record and keeps it', async () => {
        const id = await someId();

        const res = await api.delete(`/api/${c.name}/${id}`);

        expectError(res, 405, /DELETE/);
        expect((await api.get(`/api/${c.name}/${id}`)).status).toBe(200);
    });
});

describe('DELETE /api/staff/:id', () => {
    it('answers 405: staff are deactivated, never deleted', async () => {
        const staff = RESOURCE_CASES.find((c) => c.name === 'staff')!;
        const id = (await rowsOf(ctx.dataSource, staff))[0].id;

        const res = await api.delete(`/api/staff/${id}`);

        expectError(res, 405, /DELETE/);
        expect((await api.get(`/api/staff/${id}`)).status).toBe(200);
    });
});
