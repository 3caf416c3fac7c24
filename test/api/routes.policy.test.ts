import express, { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../shared/permissions';
import { allow } from '../../server/src/auth/authorize';
import { policyOf, registeredRoutes, routeName, type RegisteredRoute } from '../helpers/routes';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** The routes of server/src/auth/authRouter.ts: sign-in needs no policy, me/logout only a session. */
const WITHOUT_POLICY = [
    'POST /api/auth/login',
    'GET /api/auth/me',
    'PATCH /api/auth/me/preferences',
    'POST /api/auth/logout',
];

let ctx: TestApp;
let apiRoutes: RegisteredRoute[];
beforeAll(async () => {
    ctx = await createTestApp();
    // A route given as a regular expression counts when it could answer under /api.
    apiRoutes = registeredRoutes(ctx.app).filter((route) =>
        route.pattern ? route.pattern.test('/api/disputes') : route.path.startsWith('/api/')
    );
});
afterAll(() => ctx.close());

describe('the route walker', () => {
    it('finds the routes of the real app, in sub-routers too', () => {
        const names = apiRoutes.map(routeName);
        expect(names).toEqual(
            expect.arrayContaining([
                'GET /api/disputes',
                'GET /api/disputes/:id',
                'GET /api/staff',
                'POST /api/staff',
                'PUT /api/staff/:id',
                'POST /api/staff/:id/reset-password',
                'GET /api/audit-events',
                'GET /api/audit-events/verify',
                'DELETE /api/audit-events/:id',
                ...WITHOUT_POLICY,
            ])
        );
        expect(apiRoutes.length).toBeGreaterThan(40);
    });

    it('notices a route without a policy, however deeply it is mounted', () => {
        const inner = Router();
        inner.get('/covered', allow(ctx, 'disputes', 'list'), (_req, res) => res.end());
        inner.post(['/bare', '/also/:id'], (_req, res) => res.end());
        const outer = Router();
        outer.use('/inner', inner);
        const app = express();
        app.use('/api', outer);
        const bare = registeredRoutes(app)
            .filter((route) => !route.handlers.some(policyOf))
            .map(routeName);
        expect(bare).toEqual(['POST /api/inner/bare', 'POST /api/inner/also/:id']);
    });
});

describe('every /api route', () => {
    it('has an access policy, except the sign-in routes', () => {
        const missing = apiRoutes.filter((route) => !route.handlers.some(policyOf)).map(routeName);
        expect(missing.sort(), 'routes without a handler made by allow() (or marked with POLICY)').toEqual(
            [...WITHOUT_POLICY].sort()
        );
    });

    it('checks its policy before anything else runs', () => {
        const late = apiRoutes
            .filter((route) => route.handlers.some(policyOf) && !policyOf(route.handlers[0]))
            .map(routeName);
        expect(late, 'routes whose first handler is not the policy').toEqual([]);
    });

    it('names a resource and action that some role is granted (or the explicit refusal of writes)', () => {
        const granted = (resource: string, action: string) =>
            Object.values(PERMISSIONS).some((grants) =>
                (grants as Record<string, readonly string[] | undefined>)[resource]?.includes(action)
            );
        const unreachable = apiRoutes
            .map((route) => ({ route, policy: route.handlers.map(policyOf).find(Boolean) }))
            .filter(
                ({ policy }) =>
                    policy && policy.action !== 'refuse' && !granted(policy.resource, policy.action)
            )
            .map(({ route, policy }) => `${routeName(route)} → ${policy!.resource}:${policy!.action}`);
        expect(unreachable).toEqual([]);
    });
});

describe('the routes without a policy', () => {
    it('are exactly the sign-in routes, and /me and /logout still require a session', async () => {
        for (const name of WITHOUT_POLICY) expect(apiRoutes.map(routeName)).toContain(name);
        expect((await ctx.request().get('/api/auth/me')).status).toBe(401);
        expect((await ctx.request().post('/api/auth/logout')).status).toBe(401);
    });
});
