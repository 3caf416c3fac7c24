import { createHash } from 'node:crypto';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../server/src/entities';
import { storageFromConfig } from '../../server/src/storage';
import { ensureStaff, signInAs, type Agent } from '../helpers/agent';
import { buildAttachment } from '../helpers/factories';
import { freshAgent, MINUTE } from '../helpers/sessions';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
const CONTENT = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let attachmentId: number;
const PHOTO = Buffer.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    ...Array.from({ length: 300 }, (_, i) => i % 256),
    0xff,
    0xd9,
]);
let photoId: number;

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
    await storageFromConfig(ctx.config).put('evidence/test-photo.jpg', PHOTO);
    photoId = (
        await buildAttachment(ctx.dataSource, {
            kind: 'image',
            fileName: 'broken screen.jpg',
            mimeType: 'image/jpeg',
            size: PHOTO.length,
            storageKey: 'evidence/test-photo.jpg',
        })
    ).id;
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

/** The `attachment.download` events of one attachment by one staff member, oldest first. */
async function viewings(id: number, agent: Agent): Promise<AuditEvent[]> {
    return ctx.dataSource.getRepository(AuditEvent).find({
        where: { action: 'attachment.download', entityId: String(id), actorId: agent.staff.id },
        order: { id: 'ASC' },
    });
}

const content = (agent: Agent, range?: string) => {
    const req = agent.get(`/api/attachments/${attachmentId}/content`).buffer(true).parse(parseBinary);
    return range ? req.set('Range', range) : req;
};

describe('auditing a viewing of the evidence', () => {
    it.each(['bytes=1-', 'bytes=-5', 'bytes=500-599', 'bytes=0-'])(
        'audits a viewing that starts with the range %s',
        async (range) => {
            const mediator = await freshAgent(ctx, 'mediator');
            const res = await content(mediator, range);
            expect(res.status).toBe(206);
            const events = await viewings(attachmentId, mediator);
            expect(events).toHaveLength(1);
            expect(events[0]).toMatchObject({
                entity: 'attachment',
                actorRole: 'mediator',
                requestId: res.headers['x-request-id'],
                after: { disputeId: expect.any(Number), range, signIn: expect.any(Number) },
            });
        }
    );

    it('audits one viewing per session and attachment within the window, whatever the ranges', async () => {
        const staff = await ensureStaff(ctx.dataSource, 'mediator', 'evidence viewer');
        const first = await signInAs(ctx.app, staff);
        for (const range of [undefined, 'bytes=0-99', 'bytes=100-', 'bytes=-10', 'bytes=1-']) {
            expect((await content(first, range)).status).toBe(range ? 206 : 200);
        }
        expect(await viewings(attachmentId, first)).toHaveLength(1);

        // The same staff member in another browser: another viewing.
        const second = await signInAs(ctx.app, staff);
        expect((await content(second, 'bytes=10-19')).status).toBe(206);
        const both = await viewings(attachmentId, first);
        expect(both).toHaveLength(2);
        expect(both[0].after!.signIn).not.toBe(both[1].after!.signIn);

        // Another attachment in the same session: another viewing.
        expect((await first.get(`/api/attachments/${photoId}/content`)).status).toBe(200);
        expect(await viewings(photoId, first)).toHaveLength(1);
    });

    it('audits the session again once the window (evidenceViewAuditWindowMinutes, 30 by default) has passed', async () => {
        expect(ctx.config.policy.evidenceViewAuditWindowMinutes).toBe(30);
        const mediator = await freshAgent(ctx, 'mediator');
        expect((await content(mediator, 'bytes=0-9')).status).toBe(206);
        ctx.clock.advance(20 * MINUTE);
        expect((await content(mediator, 'bytes=10-19')).status).toBe(206);
        expect(await viewings(attachmentId, mediator)).toHaveLength(1);
        // 31 minutes after the audited viewing (the window counts from it, not from the last range).
        ctx.clock.advance(11 * MINUTE);
        expect((await content(mediator, 'bytes=20-29')).status).toBe(206);
        const events = await viewings(attachmentId, mediator);
        expect(events).toHaveLength(2);
        expect(events[1].occurredAt.getTime() - events[0].occurredAt.getTime()).toBe(31 * MINUTE);
    });

    it('audits a burst of parallel range requests of one session once', async () => {
        const mediator = await freshAgent(ctx, 'mediator');
        const answers = await Promise.all(
            Array.from({ length: 12 }, (_, i) => content(mediator, `bytes=${i * 50}-${i * 50 + 49}`))
        );
        expect(answers.map((res) => res.status)).toEqual(Array(12).fill(206));
        expect(await viewings(attachmentId, mediator)).toHaveLength(1);
    });

    it('audits nothing for a refused range (416): no evidence was served', async () => {
        const mediator = await freshAgent(ctx, 'mediator');
        expect((await content(mediator, 'bytes=5000-')).status).toBe(416);
        expect(await viewings(attachmentId, mediator)).toHaveLength(0);
    });
});

describe('GET /api/attachments/:id/thumbnail', () => {
    it('serves the preview of an image without auditing a viewing', async () => {
        const support = await freshAgent(ctx, 'support');
        for (let i = 0; i < 3; i++) {
            const res = await support
                .get(`/api/attachments/${photoId}/thumbnail`)
                .buffer(true)
                .parse(parseBinary);
            expect(res.status).toBe(200);
            expect(res.headers['content-type']).toBe('image/jpeg');
            expect(res.headers['x-content-type-options']).toBe('nosniff');
            expect(binary(res).equals(PHOTO)).toBe(true);
        }
        expect(await viewings(photoId, support)).toHaveLength(0);
    });

    it('has no thumbnail of a video or a document (it must not become an unaudited download)', async () => {
        const support = await freshAgent(ctx, 'support');
        const res = await support.get(`/api/attachments/${attachmentId}/thumbnail`);
        expect(res.status).toBe(404);
        expect(res.body.message).toMatch(/video, which has no thumbnail/);
        expect(await viewings(attachmentId, support)).toHaveLength(0);
    });

    it('answers 404 for an unknown attachment and 401 without a session', async () => {
        const support = await freshAgent(ctx, 'support');
        expect((await support.get('/api/attachments/999999/thumbnail')).status).toBe(404);
        expect((await ctx.request().get(`/api/attachments/${photoId}/thumbnail`)).status).toBe(401);
    });
});
