import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../helpers/agent';
import { byName, RESOURCE_CASES, idsWhere, rowsOf, seedAllCases, sortedIds } from '../helpers/resourceCases';
import { contentRange, idsOf, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** The ra-data-simple-rest list protocol (getList, getMany, getManyReference), for every resource. */
let ctx: TestApp;
let api: Agent;

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    await seedAllCases(ctx.dataSource);
});

afterAll(() => ctx?.close());

const ALL = [0, 999];

describe.each(byName(RESOURCE_CASES))('GET /api/%s', (_name, c) => {
    const url = `/api/${c.name}`;

    it('returns a bare JSON array of records with ids and Content-Range with the total', async () => {
        const rows = await rowsOf(ctx.dataSource, c);
        const res = await api.get(listUrl(url, { range: ALL }));

        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect(Array.isArray(res.body)).toBe(true);
        for (const record of res.body) expect(record.id).toBeTypeOf('number');
        expect([...idsOf(res)].sort((a, b) => a - b)).toEqual(rows.map((r) => r.id).sort((a, b) => a - b));
        expect(contentRange(res)).toEqual({
            resource: c.name,
            first: 0,
            last: rows.length - 1,
            total: rows.length,
        });
    });

    it('exposes Content-Range to browsers', async () => {
        const res = await api.get(url);

        expect(res.status).toBe(200);
        const exposed = String(res.headers['access-control-expose-headers'])
            .split(',')
            .map((h) => h.trim().toLowerCase());
        expect(exposed).toContain('content-range');
    });

    it('counts every row in the total, not only the page', async () => {
        const rows = await rowsOf(ctx.dataSource, c);
        const res = await api.get(listUrl(url, { range: [0, 1] }));

        expect(res.body).toHaveLength(2);
        expect(contentRange(res)).toEqual({ resource: c.name, first: 0, last: 1, total: rows.length });
    });

    it.each(['ASC', 'DESC'] as const)(`sorts by ${c.sortField} %s`, async (order) => {
        const rows = await rowsOf(ctx.dataSource, c);
        const res = await api.get(listUrl(url, { sort: [c.sortField, order], range: ALL }));

        expect(res.status).toBe(200);
        expect(idsOf(res)).toEqual(sortedIds(rows, c.sortField, order));
    });

    it.each(['ASC', 'DESC'] as const)('sorts by id %s', async (order) => {
        const rows = await rowsOf(ctx.dataSource, c);
        const res = await api.get(listUrl(url, { sort: ['id', order], range: ALL }));

        expect(idsOf(res)).toEqual(sortedIds(rows, 'id', order));
    });

    it(`filters by equality (${c.eq[0]})`, async () => {
        const [field, value] = c.eq;
        const rows = await rowsOf(ctx.dataSource, c);
        const expected = idsWhere(rows, field, [value]);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(rows.length);

        const res = await api.get(
            listUrl(url, { filter: { [field]: value }, sort: ['id', 'ASC'], range: ALL })
        );

        expect(res.status).toBe(200);
        expect(idsOf(res)).toEqual(expected);
        for (const record of res.body) expect(record[field]).toEqual(value);
        expect(contentRange(res).total).toBe(expected.length);
    });

    it(`filters by an array as IN (${c.in[0]})`, async () => {
        const [field, values] = c.in;
        const rows = await rowsOf(ctx.dataSource, c);
        const expected = idsWhere(rows, field, values);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(rows.length);

        const res = await api.get(
            listUrl(url, { filter: { [field]: values }, sort: ['id', 'ASC'], range: ALL })
        );

        expect(res.status).toBe(200);
        expect(idsOf(res)).toEqual(expected);
        expect(contentRange(res).total).toBe(expected.length);
    });

    it(`filters ${c.sortField}_gte and ${c.sortField}_lte inclusively`, async () => {
        const rows = await rowsOf(ctx.dataSource, c);
        const values = rows.map((r) => r[c.sortField] as number | Date).sort((a, b) => +a - +b);
        const [min, max] = [values[1], values[values.length - 2]];
        const expected = rows
            .filter((r) => +r[c.sortField] >= +min && +r[c.sortField] <= +max)
            .map((r) => r.id)
            .sort((a, b) => a - b);
        expect(expected.length).toBeLessThan(rows.length);
        const wire = (v: number | Date) => (v instanceof Date ? v.toISOString() : v);

        const res = await api.get(
            listUrl(url, {
                filter: { [`${c.sortField}_gte`]: wire(min), [`${c.sortField}_lte`]: wire(max) },
                sort: ['id', 'ASC'],
                range: ALL,
            })
        );

        expect(res.status).toBe(200);
        expect(idsOf(res)).toEqual(expected);
        expect(contentRange(res).total).toBe(expected.length);
    });

    it('counts the filtered rows in the total of a short page', async () => {
        const [field, values] = c.in;
        const expected = idsWhere(await rowsOf(ctx.dataSource, c), field, values);

        const res = await api.get(listUrl(url, { filter: { [field]: values }, range: [0, 0] }));

        expect(res.body).toHaveLength(1);
        expect(contentRange(res)).toEqual({ resource: c.name, first: 0, last: 0, total: expected.length });
    });

    it('finds several records by id (getMany), ignoring unknown ids', async () => {
        const ids = (await rowsOf(ctx.dataSource, c)).map((r) => r.id).sort((a, b) => a - b);
        const wanted = [ids[ids.length - 1], ids[0], ids[Math.floor(ids.length / 2)]];
        const unknown = ids[ids.length - 1] + 1000;

        const res = await api.get(listUrl(url, { filter: { id: [...wanted, unknown] } }));

        expect(res.status).toBe(200);
        expect([...idsOf(res)].sort((a, b) => a - b)).toEqual([...wanted].sort((a, b) => a - b));
        expect(contentRange(res).total).toBe(3);
    });

    it('matches nothing for an empty id list', async () => {
        const res = await api.get(listUrl(url, { filter: { id: [] } }));

        expect(res.status).toBe(200);
        expect(res.body).toEqual([]);
        expect(contentRange(res).total).toBe(0);
    });

    it('pages with range: the second page holds the next rows and the same total', async () => {
        const rows = await rowsOf(ctx.dataSource, c);
        const order = sortedIds(rows, 'id', 'ASC');

        const first = await api.get(listUrl(url, { sort: ['id', 'ASC'], range: [0, 2] }));
        const second = await api.get(listUrl(url, { sort: ['id', 'ASC'], range: [3, 5] }));

        expect(idsOf(first)).toEqual(order.slice(0, 3));
        expect(idsOf(second)).toEqual(order.slice(3, 6));
        expect(contentRange(first)).toEqual({ resource: c.name, first: 0, last: 2, total: rows.length });
        expect(contentRange(second)).toEqual({ resource: c.name, first: 3, last: 5, total: rows.length });
    });

    it('answers a page past the end with an empty array and the total', async () => {
        const total = (await rowsOf(ctx.dataSource, c)).length;

        const res = await api.get(listUrl(url, { range: [total + 10, total + 19] }));

        expect(res.status).toBe(200);
        expect(res.body).toEqual([]);
        expect(contentRange(res)).toEqual({ resource: c.name, first: null, last: null, total });
    });
});
