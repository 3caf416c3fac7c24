import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES } from '../../server/src/api';
import type { Agent } from '../helpers/agent';
import { seedAllCases } from '../helpers/resourceCases';
import { idsOf, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** Every field a resource declares sortable sorts both ways, on both databases. */
let ctx: TestApp;
let api: Agent;

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    await seedAllCases(ctx.dataSource);
});

afterAll(() => ctx?.close());

const SORTABLE = RESOURCES.flatMap((resource) =>
    Object.entries(resource.fields)
        .filter(([, field]) => field.sort)
        .map(([name, field]) => [resource.name, name, field.type] as const)
);

type Value = string | number | boolean | null;

/** Non-null values in order, compared as their type sorts (ISO dates sort as text). */
function isOrdered(values: Value[], type: string, order: 'ASC' | 'DESC'): boolean {
    const present = values.filter((v): v is string | number | boolean => v !== null);
    return present.every((value, i) => {
        if (i === 0) return true;
        const [a, b] = order === 'ASC' ? [present[i - 1], value] : [value, present[i - 1]];
        return type === 'bool' ? Number(a) <= Number(b) : a <= b;
    });
}

describe.each(SORTABLE)('GET /api/%s sorted by %s', (resource, field, type) => {
    it('returns the same records both ways, one order the reverse of the other', async () => {
        const url = `/api/${resource}`;
        const all = await api.get(listUrl(url, { range: [0, 999] }));
        const asc = await api.get(listUrl(url, { sort: [field, 'ASC'], range: [0, 999] }));
        const desc = await api.get(listUrl(url, { sort: [field, 'DESC'], range: [0, 999] }));

        expect(asc.status, JSON.stringify(asc.body)).toBe(200);
        expect(desc.status, JSON.stringify(desc.body)).toBe(200);
        expect(asc.body.length).toBeGreaterThan(1);
        expect([...idsOf(asc)].sort((a, b) => a - b)).toEqual([...idsOf(all)].sort((a, b) => a - b));
        expect(idsOf(desc)).toEqual([...idsOf(asc)].reverse());
    });

    if (type !== 'string') {
        it.each(['ASC', 'DESC'] as const)('orders the values %s', async (order) => {
            const res = await api.get(listUrl(`/api/${resource}`, { sort: [field, order], range: [0, 999] }));

            const values = (res.body as Record<string, Value>[]).map((record) => record[field]);
            expect(isOrdered(values, type, order), `${field}: ${JSON.stringify(values)}`).toBe(true);
        });
    }
});
