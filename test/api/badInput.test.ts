import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../helpers/agent';
import { buildDispute } from '../helpers/factories';
import { byName, RESOURCE_CASES } from '../helpers/resourceCases';
import { expectError, listUrl, rawUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** Bad list parameters answer 400 with a JSON message naming the problem, never 500. */
let ctx: TestApp;
let api: Agent;

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    await buildDispute(ctx.dataSource, { status: 'escalated' });
});

afterAll(() => ctx?.close());

type BadCase = [what: string, params: Record<string, string>, message: RegExp];

const json = (value: unknown) => JSON.stringify(value);

const MALFORMED: BadCase[] = [
    ['malformed filter JSON', { filter: '{"status":' }, /"filter" is not valid JSON/],
    ['malformed range JSON', { range: '[0,' }, /"range" is not valid JSON/],
    ['malformed sort JSON', { sort: '["id","ASC"' }, /"sort" is not valid JSON/],
    ['a bare word as filter', { filter: 'escalated' }, /"filter" is not valid JSON/],
    ['a filter that is an array', { filter: json([1, 2]) }, /"filter" must be a JSON object/],
    ['a filter that is a string', { filter: json('escalated') }, /"filter" must be a JSON object/],
    ['a filter that is a number', { filter: '42' }, /"filter" must be a JSON object/],
];

const SORT: BadCase[] = [
    ['an unknown sort field', { sort: json(['nope', 'ASC']) }, /Cannot sort disputes by "nope"/],
    ['a field that is not sortable', { sort: json(['description', 'ASC']) }, /by "description"/],
    ['a prototype property as sort field', { sort: json(['constructor', 'ASC']) }, /"constructor"/],
    ['a sort order other than ASC/DESC', { sort: json(['id', 'UP']) }, /ASC or DESC/],
    ['a sort without an order', { sort: json(['id']) }, /"sort" must be \["field","ASC"\|"DESC"\]/],
    ['a sort with three members', { sort: json(['id', 'ASC', 'id']) }, /"sort" must be/],
    ['a sort that is a string', { sort: json('id') }, /"sort" must be/],
    ['a sort field that is a number', { sort: json([1, 'ASC']) }, /"sort" must be/],
];

const RANGE: BadCase[] = [
    ['a negative range', { range: json([-1, 9]) }, /cannot be negative/],
    ['an inverted range', { range: json([10, 5]) }, /inverted/],
    ['a page wider than 1000 rows', { range: json([0, 1000]) }, /at most 1000 rows/],
    ['a range of one number', { range: json([0]) }, /two whole numbers/],
    ['a range of three numbers', { range: json([0, 1, 2]) }, /two whole numbers/],
    ['a range with a fraction', { range: json([0, 1.5]) }, /two whole numbers/],
    ['a range of strings', { range: json(['0', '9']) }, /two whole numbers/],
    ['a range that is an object', { range: json({ first: 0, last: 9 }) }, /two whole numbers/],
    ['a range that is null', { range: 'null' }, /two whole numbers/],
];

const FILTER: BadCase[] = [
    ['an unknown filter field', { filter: json({ nope: 1 }) }, /Unknown filter field "nope"/],
    ['a prototype property as filter field', { filter: json({ toString: 1 }) }, /"toString"/],
    [
        'a filter on a field that only takes ranges',
        { filter: json({ requestedAmount: 5 }) },
        /"requestedAmount"/,
    ],
    ['a range on a field that takes none', { filter: json({ status_gte: 'opened' }) }, /"status_gte"/],
    ['a filter on a field that is not filterable', { filter: json({ description: 'x' }) }, /"description"/],
    ['an unknown value of an enum', { filter: json({ status: 'lost' }) }, /"status".*one of .*escalated/],
    ['an unknown value in an enum list', { filter: json({ status: ['escalated', 'lost'] }) }, /"status"/],
    ['a word for an integer', { filter: json({ orderId: 'abc' }) }, /"orderId".*integer/],
    ['a fraction for an integer', { filter: json({ orderId: 1.5 }) }, /"orderId".*integer/],
    ['a boolean for an integer', { filter: json({ assigneeId: true }) }, /"assigneeId".*integer/],
    ['a fraction for an integer range', { filter: json({ requestedAmount_gte: '10.5' }) }, /integer/],
    ['a word for a boolean', { filter: json({ goodsReceived: 'yes' }) }, /"goodsReceived".*true or false/],
    ['a word for a date', { filter: json({ openedAt_gte: 'yesterday' }) }, /"openedAt_gte".*date/],
    ['an impossible date', { filter: json({ slaDueAt_lte: '2026-13-45' }) }, /"slaDueAt_lte".*date/],
    ['a boolean for a date', { filter: json({ openedAt_lte: true }) }, /"openedAt_lte".*date/],
    ['an object for a string', { filter: json({ currency: { eq: 'USD' } }) }, /"currency".*string/],
    ['a nested list', { filter: json({ status: [['escalated']] }) }, /"status"/],
    ['a search that is not a string', { filter: json({ q: 5 }) }, /"q" must be a string/],
    [
        'an id list longer than a page',
        { filter: json({ id: Array.from({ length: 1001 }, (_, i) => i + 1) }) },
        /more than 1000/,
    ],
    ['an integer beyond the 32-bit columns', { filter: json({ id: 99_999_999_999 }) }, /"id".*integer/],
    ['an amount beyond the 32-bit columns', { filter: json({ orderTotal_gte: 99_999_999_999 }) }, /integer/],
];

const PARAMETERS: BadCase[] = [
    ['an unknown query parameter', { page: '2' }, /Unknown query parameter "page"/],
    ['json-server paging parameters', { _start: '0', _end: '10' }, /Unknown query parameter "_start"/],
];

describe('GET /api/disputes with bad parameters', () => {
    it.each([...MALFORMED, ...SORT, ...RANGE, ...FILTER, ...PARAMETERS])(
        'answers 400 to %s',
        async (_what, params, message) => {
            const res = await api.get(rawUrl('/api/disputes', params));

            expectError(res, 400, message);
        }
    );

    it('names the allowed filters of an unknown filter field', async () => {
        const res = await api.get(listUrl('/api/disputes', { filter: { nope: 1 } }));

        expectError(res, 400);
        expect(res.body.errors.nope).toMatch(/status/);
        expect(res.body.errors.nope).toMatch(/openedAt_gte/);
    });

    it('names the sortable fields of an unknown sort field', async () => {
        const res = await api.get(listUrl('/api/disputes', { sort: ['nope', 'ASC'] }));

        expectError(res, 400, /slaDueAt/);
    });

    it('answers 400 to a parameter given twice', async () => {
        const res = await api.get('/api/disputes?range=%5B0%2C9%5D&range=%5B10%2C19%5D');

        expectError(res, 400, /"range" must be given once/);
    });

    it('answers 400 to a broken percent-encoding in a parameter', async () => {
        const res = await api.get('/api/disputes?filter=%E0%A4%A');

        expectError(res, 400, /"filter" is not valid JSON/);
    });

    it('accepts a page of exactly 1000 rows', async () => {
        const res = await api.get(listUrl('/api/disputes', { range: [0, 999] }));

        expect(res.status).toBe(200);
    });

    it('accepts sort orders in lower case, as some clients send them', async () => {
        const res = await api.get(listUrl('/api/disputes', { sort: ['id', 'desc'] }));

        expect(res.status).toBe(200);
    });

    it('finds nothing, without an error, when searching for a number beyond the id columns', async () => {
        const res = await api.get(listUrl('/api/disputes', { filter: { q: '99999999999' } }));

        expect(res.status).toBe(200);
        expect(res.body).toEqual([]);
    });

    it('answers 404, not 500, for an id beyond the id columns', async () => {
        const res = await api.get('/api/disputes/99999999999');

        expectError(res, 404, /99999999999/);
    });
});

/** Resources without a free-text search. */
const NO_SEARCH = new Set(['offers', 'dispute-events', 'refunds']);

describe.each(byName(RESOURCE_CASES))('GET /api/%s with bad parameters', (_name, c) => {
    const url = `/api/${c.name}`;

    it('answers 400 to an unknown filter field', async () => {
        const res = await api.get(listUrl(url, { filter: { nope: 1 } }));

        expectError(res, 400, new RegExp(`Unknown filter field "nope" for ${c.name}`));
    });

    it('answers 400 to an unknown sort field', async () => {
        const res = await api.get(listUrl(url, { sort: ['nope', 'ASC'] }));

        expectError(res, 400, new RegExp(`Cannot sort ${c.name} by "nope"`));
    });

    it('answers 400 to a malformed range', async () => {
        const res = await api.get(rawUrl(url, { range: '[0,24' }));

        expectError(res, 400, /"range"/);
    });

    it('answers 400 to an unknown value of a filter field', async () => {
        const [field] = c.in;
        const res = await api.get(listUrl(url, { filter: { [field]: { not: 'a value' } } }));

        expectError(res, 400, new RegExp(`"${field}"`));
    });

    if (NO_SEARCH.has(c.name)) {
        it('answers 400 to a free-text search, which it does not offer, instead of ignoring it', async () => {
            const res = await api.get(listUrl(url, { filter: { q: 'anything' } }));

            expectError(res, 400, /"q"/);
        });
    }
});
