import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../helpers/agent';
import { buildDispute } from '../helpers/factories';
import { expectError } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** What holds for the whole app: health, unknown routes, request bodies, error shape. */
let ctx: TestApp;
let api: Agent;

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    await buildDispute(ctx.dataSource, { status: 'escalated' });
});

afterAll(() => ctx?.close());

describe('GET /health', () => {
    it('answers 200 {"status":"ok"} without a session, for load balancers', async () => {
        const res = await ctx.request().get('/health');

        expect(res.status).toBe(200);
        expect(res.body).toEqual({ status: 'ok' });
    });
});

describe('unknown /api routes', () => {
    it.each(['/api/nope', '/api/disputes/1/nope', '/api/dispute', '/api/disputes/1/timeline/2'])(
        'answer 404 with a JSON message for GET %s',
        async (url) => {
            const res = await api.get(url);

            expectError(res, 404, /No route GET/);
            expect(res.body.message).toContain(url);
        }
    );

    it('answer 404 JSON for other methods too', async () => {
        const res = await api.post('/api/nope').send({});

        expectError(res, 404, /No route POST \/api\/nope/);
    });
});

describe('request bodies', () => {
    it('answers 400 to malformed JSON, naming the problem', async () => {
        const res = await api
            .post('/api/disputes')
            .set('Content-Type', 'application/json')
            .send('{"status": ');

        expectError(res, 400, /not valid JSON/);
    });

    it('answers 400 to malformed JSON on an unknown route as well', async () => {
        const res = await api.put('/api/nope/1').set('Content-Type', 'application/json').send('{oops}');

        expectError(res, 400, /not valid JSON/);
    });
});

describe('responses', () => {
    it('expose Content-Range and X-Request-Id to browsers, on errors too', async () => {
        const ok = await api.get('/api/disputes');
        const bad = await api.get('/api/disputes/abc');

        for (const res of [ok, bad]) {
            expect(res.headers['access-control-expose-headers']).toMatch(/Content-Range/i);
            expect(res.headers['x-request-id']).toBeTruthy();
        }
    });

    it('carry a sane X-Request-Id sent by the client back to it', async () => {
        const res = await api.get('/api/disputes').set('X-Request-Id', 'trace-42.a');

        expect(res.headers['x-request-id']).toBe('trace-42.a');
    });

    it('never show a stack trace in an error', async () => {
        const res = await api.get('/api/disputes?filter=%7B');

        expectError(res, 400);
        expect(Object.keys(res.body).sort()).toEqual(['message']);
    });
});
