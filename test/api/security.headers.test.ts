import express from 'express';
import helmet from 'helmet';
import supertest, { type Response } from 'supertest';
import { helmetOptions, securityHeaders } from '../../server/src/http/securityHeaders';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageFromConfig } from '../../server/src/storage';
import type { Agent } from '../helpers/agent';
import { ensureStaff, TEST_PASSWORD } from '../helpers/agent';
import { buildAttachment, buildBuyer } from '../helpers/factories';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
let supervisor: Agent;
beforeAll(async () => {
    ctx = await createTestApp();
    supervisor = await ctx.as('supervisor');
});
afterAll(() => ctx.close());

/** The directives of a Content-Security-Policy header, by name. */
function directives(res: Response): Record<string, string> {
    const header = String(res.headers['content-security-policy'] ?? '');
    return Object.fromEntries(
        header
            .split(';')
            .map((part) => part.trim())
            .filter(Boolean)
            .map((part) => {
                const [name, ...values] = part.split(/\s+/);
                return [name, values.join(' ')];
            })
    );
}

function expectSecurityHeaders(res: Response) {
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const csp = directives(res);
    expect(csp['default-src']).toBe("'self'");
    expect(csp['script-src']).toBe("'self'");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(csp['object-src']).toBe("'none'");
    expect(res.headers['x-powered-by']).toBeUndefined();
}

describe('security headers', () => {
    it('are sent on every kind of answer: API, errors, health, integration API', async () => {
        const answers = [
            await supervisor.get('/api/disputes'),
            await supervisor.get('/api/no-such-thing'),
            await ctx.request().get('/api/auth/me'),
            await ctx.request().get('/health'),
            await ctx.request().get('/integration/v1/openapi.json'),
        ];
        for (const res of answers) expectSecurityHeaders(res);
    });

    it('send no HSTS over plain HTTP, and HSTS plus upgrade-insecure-requests behind HTTPS', async () => {
        const plain = await ctx.request().get('/health');
        expect(plain.headers['strict-transport-security']).toBeUndefined();
        expect(directives(plain)).not.toHaveProperty('upgrade-insecure-requests');

        const secure = await createTestApp({ COOKIE_SECURE: 'true' });
        try {
            const res = await secure.request().get('/health');
            expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
            expect(directives(res)).toHaveProperty('upgrade-insecure-requests');
        } finally {
            await secure.close();
        }
    });
});

describe('the security headers worked out once at start-up', () => {
    it.each([false, true])(
        'are exactly the ones helmet sets and removes per request (HTTPS: %s)',
        async (cookieSecure) => {
            const config = { cookieSecure };
            const answerWith = (middleware: express.RequestHandler) =>
                supertest(
                    express()
                        .use((_req, res, next) => {
                            res.setHeader('X-Powered-By', 'Express');
                            next();
                        })
                        .use(middleware)
                        .get('/', (_req, res) => {
                            res.send('ok');
                        })
                ).get('/');
            const strip = (res: supertest.Response) => {
                const { date: _date, etag: _etag, ...headers } = res.headers;
                return headers;
            };
            const ours = await answerWith(securityHeaders(config));
            const perRequest = await answerWith(helmet(helmetOptions(config)));
            expect(strip(ours)).toEqual(strip(perRequest));
            expect(ours.headers['content-security-policy']).toBeTruthy();
            expect(ours.headers['x-powered-by']).toBeUndefined();
        }
    );
});

describe('Cache-Control of answers with personal data', () => {
    it('is no-store on the sign-in answer (which carries the CSRF token), success or failure', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'support', 'cache');
        const ok = await ctx
            .request()
            .post('/api/auth/login')
            .send({ email: staff.email, password: TEST_PASSWORD });
        expect(ok.status).toBe(200);
        expect(ok.headers['cache-control']).toBe('no-store');
        const failed = await ctx
            .request()
            .post('/api/auth/login')
            .send({ email: staff.email, password: 'wrong' });
        expect(failed.status).toBe(401);
        expect(failed.headers['cache-control']).toBe('no-store');
    });

    it('is no-store on records and lists: buyers, staff, audit events, the identity', async () => {
        const buyer = await buildBuyer(ctx.dataSource);
        for (const url of [
            `/api/buyers/${buyer.id}`,
            '/api/staff',
            `/api/staff/${supervisor.staff.id}`,
            '/api/audit-events',
            '/api/auth/me',
            '/api/disputes',
        ]) {
            const res = await supervisor.get(url);
            expect(res.status, url).toBe(200);
            expect(res.headers['cache-control'], url).toBe('no-store');
        }
    });

    it('keeps evidence files out of shared and later caches (private, no-store)', async () => {
        const stored = await storageFromConfig(ctx.config).put('evidence/cache.jpg', Buffer.from('jpeg'));
        const attachment = await buildAttachment(ctx.dataSource, {
            kind: 'image',
            fileName: 'cache.jpg',
            mimeType: 'image/jpeg',
            size: stored.size,
            sha256: stored.sha256,
            storageKey: 'evidence/cache.jpg',
        });
        const res = await supervisor.get(`/api/attachments/${attachment.id}/content`);
        expect(res.status).toBe(200);
        const cacheControl = String(res.headers['cache-control']).split(/,\s*/);
        expect(cacheControl).toEqual(expect.arrayContaining(['private', 'no-store']));
        expect(res.headers['x-content-type-options']).toBe('nosniff');
    });
});
