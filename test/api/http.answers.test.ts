import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSES_METHOD } from '../../server/src/http/routeMethods';
import { chunkIds } from '../../client/src/common/idChunks';
import type { Agent } from '../helpers/agent';
import { buildDispute } from '../helpers/factories';
import { INTEGRATION_KEY, newKey } from '../helpers/integration';
import { RESOURCE_CASES } from '../helpers/resourceCases';
import { expectError, idsOf, listUrl } from '../helpers/rest';
import { registeredRoutes } from '../helpers/routes';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** Issue 8, item 8: every answer is a clear JSON answer, whatever the client got wrong. */
let ctx: TestApp;
let supervisor: Agent;
let disputeIds: number[];
beforeAll(async () => {
    ctx = await createTestApp();
    supervisor = await ctx.as('supervisor');
    disputeIds = [];
    for (let i = 0; i < 40; i++) disputeIds.push((await buildDispute(ctx.dataSource)).id);
});
afterAll(() => ctx?.close());

const staffUrl = () => `/api/staff/${supervisor.staff.id}`;

describe('a request body that is JSON but not an object', () => {
    it.each(['null', '123', '"str"', 'true'])(
        'answers 400 saying so to %s on the console API',
        async (body) => {
            const res = await supervisor.put(staffUrl()).set('Content-Type', 'application/json').send(body);

            expectError(res, 400, /^The request body must be a JSON object$/);
        }
    );

    it('answers the same to an array', async () => {
        const res = await supervisor.put(staffUrl()).send([{ fullName: 'X' }]);

        expectError(res, 400, /^The request body must be a JSON object$/);
    });

    it.each(['null', '"str"', '[]'])('answers 400 saying so to %s on the integration API', async (body) => {
        const res = await ctx
            .request()
            .post('/integration/v1/disputes')
            .set('Authorization', `Bearer ${INTEGRATION_KEY}`)
            .set('Idempotency-Key', newKey())
            .set('Content-Type', 'application/json')
            .send(body);

        expectError(res, 400, /^The request body must be a JSON object$/);
    });

    it('still says "not valid JSON" for a body that is not JSON at all', async () => {
        const res = await supervisor
            .put(staffUrl())
            .set('Content-Type', 'application/json')
            .send('{"fullName":');

        expectError(res, 400, /not valid JSON/);
    });
});

describe('a compressed request body', () => {
    const put = (encoding: string, body: Buffer) =>
        supervisor
            .put(staffUrl())
            .set('Content-Type', 'application/json')
            .set('Content-Encoding', encoding)
            .serialize((raw: unknown) => raw as string)
            .send(body as unknown as string);

    it('is read when it is valid gzip', async () => {
        const res = await put('gzip', zlib.gzipSync(JSON.stringify({ fullName: 'Gzip Supervisor' })));

        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.fullName).toBe('Gzip Supervisor');
    });

    it.each([
        ['gzip', Buffer.from('{"fullName":"not compressed"}')],
        ['gzip', zlib.gzipSync('{"fullName":"cut short"}').subarray(0, 15)],
        ['deflate', Buffer.from('plain text')],
        ['br', Buffer.from('not brotli at all')],
    ])('answers a JSON 400 without zlib’s words when it is not valid %s', async (encoding, body) => {
        const res = await put(encoding, body);

        expectError(res, 400, /could not be decompressed.*Content-Encoding/);
        expect(res.body.message).not.toMatch(/header check|unexpected end|Decompression failed/);
    });

    it('answers 415 in JSON to an encoding it does not know', async () => {
        const res = await put('compress', Buffer.from('x'));

        expectError(res, 415, /Content-Encoding/);
    });
});

describe('unknown routes and methods', () => {
    it.each([
        ['POST', '/'],
        ['DELETE', '/no/such/thing'],
    ])('answers %s %s in JSON: 404, or 405 when the built SPA serves GET there', async (method, path) => {
        const res = await supervisor[method.toLowerCase() as 'post'](path);
        const spaBuilt = res.status === 405;

        expectError(res, spaBuilt ? 405 : 404);
        expect(res.text).not.toMatch(/<html|<pre>/i);
        if (spaBuilt) expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
    });

    it.each([
        ['GET', '/integration/v2/disputes'],
        ['POST', '/integration/v2/disputes'],
        ['GET', '/api/no-such-resource'],
        ['POST', '/api/disputes/1/no-such-action'],
    ])('answers %s %s with a JSON 404', async (method, path) => {
        const res = await supervisor[method.toLowerCase() as 'get'](path);

        expectError(res, 404, /No route/);
        expect(res.text).not.toMatch(/<html|<pre>/i);
    });

    it.each([
        ['POST', '/health', 'GET, HEAD, OPTIONS'],
        ['DELETE', '/health', 'GET, HEAD, OPTIONS'],
        ['PATCH', '/api/staff/1', 'GET, HEAD, PUT, OPTIONS'],
        ['DELETE', '/api/staff/1', 'GET, HEAD, PUT, OPTIONS'],
        ['PUT', '/api/disputes/1', 'GET, HEAD, OPTIONS'],
        ['POST', '/api/disputes', 'GET, HEAD, OPTIONS'],
        ['GET', '/api/disputes/1/pickup', 'POST, OPTIONS'],
        ['GET', '/api/queue/next', 'POST, OPTIONS'],
    ])('answers %s %s with a JSON 405 and Allow: %s', async (method, path, allow) => {
        const res = await supervisor[method.toLowerCase() as 'get'](path);

        expectError(res, 405);
        expect(res.headers.allow).toBe(allow);
    });

    it('answers a JSON 405 on the integration API too', async () => {
        const res = await ctx
            .request()
            .get('/integration/v1/disputes')
            .set('Authorization', `Bearer ${INTEGRATION_KEY}`);

        expectError(res, 405);
        expect(res.headers.allow).toBe('POST, OPTIONS');
    });
});

describe('OPTIONS', () => {
    it.each([
        ['/health', 'GET, HEAD, OPTIONS'],
        ['/api/staff', 'GET, HEAD, POST, OPTIONS'],
        ['/api/staff/1', 'GET, HEAD, PUT, OPTIONS'],
        ['/api/disputes', 'GET, HEAD, OPTIONS'],
        ['/api/disputes/7', 'GET, HEAD, OPTIONS'],
        ['/api/disputes/7/pickup', 'POST, OPTIONS'],
        ['/api/auth/login', 'POST, OPTIONS'],
        ['/integration/v1/disputes', 'POST, OPTIONS'],
        ['/integration/v1/openapi.json', 'GET, HEAD, OPTIONS'],
    ])('lists the methods %s really takes', async (path, allow) => {
        const res = await ctx.request().options(path);

        expect(res.status).toBe(204);
        expect(res.headers.allow).toBe(allow);
    });

    it('answers a JSON 404 for a path that does not exist', async () => {
        const outside = await ctx.request().options('/integration/v2/disputes');
        const inside = await ctx.request().options('/api/no-such-resource').set('Cookie', supervisor.cookie);

        expectError(outside, 404, /No route OPTIONS/);
        expectError(inside, 404, /No route OPTIONS/);
    });

    it('lists, for every route of the app, the methods it answers and not the ones it refuses', async () => {
        const routes = registeredRoutes(ctx.app).filter((route) => !route.pattern && route.method !== 'ALL');
        expect(routes.length).toBeGreaterThan(40);
        for (const route of routes) {
            const path = route.path.replace(/:\w+/g, '1');
            const res = await ctx.request().options(path);
            const allowed = String(res.headers.allow).split(', ');
            const refuses = route.handlers.some(
                (handler) => (handler as { [REFUSES_METHOD]?: boolean })[REFUSES_METHOD]
            );
            const answered = registeredRoutes(ctx.app).some(
                (other) =>
                    other.method === route.method &&
                    other.path.replace(/:\w+/g, '1') === path &&
                    !other.handlers.some((h) => (h as { [REFUSES_METHOD]?: boolean })[REFUSES_METHOD])
            );
            expect(res.status, path).toBe(204);
            if (!refuses || answered)
                expect(allowed, `${route.method} ${route.path}`).toContain(route.method);
            else expect(allowed, `${route.method} ${route.path} only refuses`).not.toContain(route.method);
        }
    });
});

describe('a query parameter given twice', () => {
    const filter = encodeURIComponent('{}');

    it('answers 400 on the queue counts instead of using one of them', async () => {
        const res = await supervisor.get(`/api/queue/counts?filter=${filter}&filter=${filter}`);

        expectError(res, 400, /"filter" must be given once/);
        expect(res.body.errors).toEqual({ filter: 'must be given once' });
    });

    it.each(RESOURCE_CASES.map((c) => c.name))('answers 400 on the list of %s', async (name) => {
        const res = await supervisor.get(`/api/${name}?sort=${encodeURIComponent('["id","ASC"]')}&sort=x`);

        expectError(res, 400, /"sort" must be given once/);
    });

    it('answers 400 on a single record too', async () => {
        const res = await supervisor.get(`/api/disputes/${disputeIds[0]}?a=1&a=2`);

        expectError(res, 400, /"a" must be given once/);
    });
});

describe('getMany with many ids', () => {
    const getManyUrl = (ids: readonly number[]) => listUrl('/api/disputes', { filter: { id: ids } });

    it('answers every listed record of a long but legal id list, not only the first page', async () => {
        const ids = [
            ...disputeIds,
            ...Array.from({ length: 1000 - disputeIds.length }, (_, i) => 900_000 + i),
        ];
        const url = getManyUrl(ids);
        expect(url.length).toBeGreaterThan(8_000);

        const res = await supervisor.get(url);

        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(idsOf(res).sort((a, b) => a - b)).toEqual([...disputeIds].sort((a, b) => a - b));
    });

    it('is why the SPA splits: a URL over 16 KB is refused before the app sees it', async () => {
        const ids = Array.from({ length: 3000 }, (_, i) => 1_000_000 + i);
        expect(getManyUrl(ids).length).toBeGreaterThan(16 * 1024);

        const res = await supervisor.get(getManyUrl(ids));

        expect(res.status).toBe(431);
    });

    it('fetches 3,000 ids in requests whose URLs stay short, as the SPA’s data provider splits them', async () => {
        const ids = [...Array.from({ length: 2960 }, (_, i) => 2_000_000 + i), ...disputeIds];
        const chunks = chunkIds(ids, getManyUrl);
        expect(chunks.length).toBeGreaterThan(1);

        const found: number[] = [];
        for (const chunk of chunks) {
            expect(getManyUrl(chunk).length).toBeLessThanOrEqual(4000);
            const res = await supervisor.get(getManyUrl(chunk));
            expect(res.status).toBe(200);
            found.push(...idsOf(res));
        }
        expect(found.sort((a, b) => a - b)).toEqual([...disputeIds].sort((a, b) => a - b));
    });
});
