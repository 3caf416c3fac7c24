import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, IdempotencyKey } from '../../server/src/entities';
import { INTEGRATION_KEY, integrationPost, openDisputeBody, registeredRoutes } from '../helpers/integration';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** Every route but the OpenAPI document, with its path ids filled in. */
const protectedRoutes = () =>
    registeredRoutes(ctx)
        .filter((route) => route.path !== '/openapi.json')
        .map((route) => ({ ...route, url: route.path.replace(/:\w+/g, '1') }));

describe('Authorization: Bearer <INTEGRATION_API_KEY> on /integration/v1', () => {
    it('guards every route but the OpenAPI document', () => {
        expect(protectedRoutes().length).toBeGreaterThanOrEqual(7);
    });

    it.each([
        ['no Authorization header', null],
        ['a wrong key', 'not-the-key'],
        ['the key with one character changed', INTEGRATION_KEY.slice(0, -1) + 'X'],
        ['the key as Basic credentials', undefined],
        ['an empty bearer token', ''],
    ])('answers 401 JSON to %s on every route, before looking at key or body', async (_what, apiKey) => {
        for (const route of protectedRoutes()) {
            let req = ctx.request().post(`/integration/v1${route.url}`);
            if (apiKey === undefined) req = req.set('Authorization', `Basic ${btoa(`x:${INTEGRATION_KEY}`)}`);
            else if (apiKey !== null) req = req.set('Authorization', `Bearer ${apiKey}`);
            const res = await req.set('Content-Type', 'application/json').send('{not json');
            expect(res.status, `${route.method} ${route.path}`).toBe(401);
            expect(res.headers['content-type']).toMatch(/application\/json/);
            expect(res.headers['www-authenticate']).toBe('Bearer realm="integration"');
            expect(res.body.message).toMatch(/integration API key/);
        }
        expect(await ctx.dataSource.getRepository(IdempotencyKey).count()).toBe(0);
        expect(await ctx.dataSource.getRepository(AuditEvent).count()).toBe(0);
    });

    it('accepts the key with the scheme in any case', async () => {
        const res = await integrationPost(ctx, '/disputes', openDisputeBody(ctx), { apiKey: null }).set(
            'Authorization',
            `bearer ${INTEGRATION_KEY}`
        );
        expect(res.status).toBe(201);
    });

    it('does not accept a staff session instead of the key', async () => {
        const supervisor = await ctx.as('supervisor');
        const res = await supervisor
            .post('/integration/v1/disputes')
            .set('Idempotency-Key', 'staff-try')
            .send(openDisputeBody(ctx));
        expect(res.status).toBe(401);
    });

    it('serves the OpenAPI document without a key', async () => {
        const res = await ctx.request().get('/integration/v1/openapi.json');
        expect(res.status).toBe(200);
        expect(res.body.openapi).toMatch(/^3\./);
    });

    it('answers unknown routes with 401 without the key and a JSON 404 with it', async () => {
        expect((await ctx.request().get('/integration/v1/nothing')).status).toBe(401);
        const res = await ctx
            .request()
            .get('/integration/v1/nothing')
            .set('Authorization', `Bearer ${INTEGRATION_KEY}`);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ message: 'No route GET /integration/v1/nothing' });
    });
});
