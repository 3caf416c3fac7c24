import { createHash } from 'node:crypto';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/entities';
import { storageFromConfig } from '../../server/src/storage';
import { buildAttachment } from '../helpers/factories';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
const CONTENT = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let attachmentId: number;

beforeAll(async () => {
    ctx = await createTestApp();
    const stored = await storageFromConfig(ctx.config).put('evidence/test-video.mp4', CONTENT);
    const attachment = await buildAttachment(ctx.dataSource, {
        kind: 'video',
        fileName: 'unboxing video.mp4',
        mimeType: 'video/mp4',
        size: stored.size,
        sha256: stored.sha256,
        storageKey: 'evidence/test-video.mp4',
    });
    attachmentId = attachment.id;
});
afterAll(() => ctx.close());

const binary = (res: { body: unknown }) => res.body as Buffer;
const parseBinary = (r: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('GET /api/attachments/:id/content', () => {
    it('streams the whole file with its detected type and audits the download', async () => {
        const support = await ctx.as('support');
        const res = await support
            .get(`/api/attachments/${attachmentId}/content`)
            .buffer(true)
            .parse(parseBinary);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('video/mp4');
        expect(res.headers['accept-ranges']).toBe('bytes');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(createHash('sha256').update(binary(res)).digest('hex')).toBe(
            createHash('sha256').update(CONTENT).digest('hex')
        );
        const audit = await ctx.dataSource
            .getRepository(AuditEvent)
            .findBy({ action: 'attachment.download', entityId: String(attachmentId) });
        expect(audit).toHaveLength(1);
        expect(audit[0].actorId).toBe(support.staff.id);
    });

    it.each([
        ['bytes=10-19', 10, 19],
        ['bytes=990-', 990, 999],
        ['bytes=-5', 995, 999],
        ['bytes=995-5000', 995, 999],
    ])('answers %s with 206 and exactly those bytes', async (range, start, end) => {
        const mediator = await ctx.as('mediator');
        const res = await mediator
            .get(`/api/attachments/${attachmentId}/content`)
            .set('Range', range)
            .buffer(true)
            .parse(parseBinary);
        expect(res.status).toBe(206);
        expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/1000`);
        expect(Number(res.headers['content-length'])).toBe(end - start + 1);
        expect(binary(res).equals(CONTENT.subarray(start, end + 1))).toBe(true);
    });

    it.each(['bytes=1000-1001', 'bytes=20-10', 'bytes=-', 'items=0-1'])(
        'answers an unsatisfiable range %s with 416',
        async (range) => {
            const mediator = await ctx.as('mediator');
            const res = await mediator.get(`/api/attachments/${attachmentId}/content`).set('Range', range);
            expect(res.status).toBe(416);
            expect(res.headers['content-range']).toBe('bytes */1000');
            expect(res.body.message).toMatch(/cannot be served/);
        }
    );

    it('answers 404 for an unknown attachment and for a file missing from storage', async () => {
        const supervisor = await ctx.as('supervisor');
        expect((await supervisor.get('/api/attachments/999999/content')).status).toBe(404);
        const orphan = await buildAttachment(ctx.dataSource, { storageKey: 'evidence/never-written.jpg' });
        const res = await supervisor.get(`/api/attachments/${orphan.id}/content`);
        expect(res.status).toBe(404);
        expect(res.body.message).toMatch(/missing from storage/);
    });

    it('requires a session', async () => {
        expect((await ctx.request().get(`/api/attachments/${attachmentId}/content`)).status).toBe(401);
    });
});
