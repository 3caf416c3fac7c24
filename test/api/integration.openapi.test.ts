import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../helpers/integration';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
let doc: {
    openapi: string;
    servers: { url: string }[];
    security: Record<string, string[]>[];
    paths: Record<string, Record<string, Operation>>;
    components: Record<string, Record<string, unknown>>;
};
interface Operation {
    parameters?: { $ref?: string }[];
    requestBody?: { content: Record<string, { schema: { $ref: string } }> };
    responses: Record<string, unknown>;
    security?: unknown[];
}

beforeAll(async () => {
    ctx = await createTestApp();
    doc = (await ctx.request().get('/integration/v1/openapi.json')).body;
});
afterAll(() => ctx.close());

/** `/disputes/:id/offers` as OpenAPI writes it: `/disputes/{id}/offers`. */
const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

const documented = () =>
    Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`)
    );

function resolve(ref: string): unknown {
    expect(ref.startsWith('#/')).toBe(true);
    return ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

describe('GET /integration/v1/openapi.json', () => {
    it('is an OpenAPI 3 document for the /integration/v1 server with the bearer scheme', () => {
        expect(doc.openapi).toMatch(/^3\.[01]\.\d+$/);
        expect(doc.servers).toEqual([{ url: '/integration/v1' }]);
        expect(doc.security).toEqual([{ integrationKey: [] }]);
        expect(doc.components.securitySchemes.integrationKey).toMatchObject({
            type: 'http',
            scheme: 'bearer',
        });
    });

    it('describes exactly the routes the integration router registers', () => {
        const routes = registeredRoutes(ctx).map((r) => `${r.method.toUpperCase()} ${openApiPath(r.path)}`);
        expect(routes.length).toBeGreaterThanOrEqual(8);
        expect([...documented()].sort()).toEqual([...routes].sort());
    });

    it('requires the Idempotency-Key header, declares the path ids and a JSON body on every POST', () => {
        for (const [path, operations] of Object.entries(doc.paths)) {
            const post = operations.post;
            if (!post) continue;
            const refs = (post.parameters ?? []).map((p) => p.$ref);
            expect(refs, path).toContain('#/components/parameters/IdempotencyKey');
            const declared = refs
                .map((ref) => resolve(ref!) as { name: string; in: string })
                .filter((p) => p.in === 'path')
                .map((p) => p.name);
            const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
            expect(declared.sort(), path).toEqual(inPath.sort());
            const body = post.requestBody?.content;
            expect((body?.['application/json'] ?? body?.['multipart/form-data'])?.schema.$ref, path).toMatch(
                /^#\/components\/schemas\//
            );
            expect(Object.keys(post.responses), path).toEqual(expect.arrayContaining(['400', '401', '422']));
            expect(post.security, path).toBeUndefined();
        }
        expect(doc.paths['/openapi.json'].get.security).toEqual([]);
        expect(resolve('#/components/parameters/IdempotencyKey')).toMatchObject({
            in: 'header',
            required: true,
            schema: { maxLength: 255 },
        });
    });

    it('has every $ref resolve inside the document', () => {
        const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
        expect(refs.length).toBeGreaterThan(20);
        for (const ref of refs) expect(resolve(ref.slice(8, -1)), ref).toBeDefined();
    });

    it('describes the opening body from the same schema the server validates with', () => {
        const schema = doc.components.schemas.OpenDispute as {
            properties: Record<string, { properties: Record<string, unknown>; required: string[] }>;
        };
        expect(Object.keys(schema.properties).sort()).toEqual(['buyer', 'claim', 'order', 'seller']);
        expect(schema.properties.claim.properties.reason).toMatchObject({
            enum: expect.arrayContaining(['defective']),
        });
        expect(schema.properties.order.required).toEqual(
            expect.arrayContaining(['externalId', 'total', 'currency', 'shippedAt', 'protectionEndsAt'])
        );
    });
});
