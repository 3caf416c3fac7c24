import { createHash, randomBytes } from 'node:crypto';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { attachmentRecordSchema } from '../../shared/schemas/records';
import { AuditEvent, DisputeEvent } from '../../server/src/entities';
import { FFMPEG, hasFfmpeg } from '../../server/src/evidence/thumbnails';
import { storageFromConfig } from '../../server/src/storage';
import { ensureStaff, signInAs, type Agent } from '../helpers/agent';
import { buildAttachment } from '../helpers/factories';
import { freshAgent, MINUTE } from '../helpers/sessions';
import { createTestApp, type TestApp } from '../helpers/testApp';
import { jpegOf } from '../helpers/uploads';

let ctx: TestApp;
const CONTENT = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let attachmentId: number;
/** A real JPEG (made in beforeAll): its thumbnail is a WebP made from it. */
let PHOTO: Buffer;
let photoId: number;

beforeAll(async () => {
    ctx = await createTestApp();
    PHOTO = await jpegOf(7, 1200, 900);
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

    it('answers parallel range requests of several large files, each with its own bytes', async () => {
        // Larger than one read buffer, so that answers take several reads and buffers are reused.
        const files = await Promise.all(
            [1, 2].map(async (n) => {
                const bytes = randomBytes(2.5 * 1024 * 1024);
                const key = `evidence/large-${n}.mp4`;
                await storageFromConfig(ctx.config).put(key, bytes);
                const row = await buildAttachment(ctx.dataSource, {
                    kind: 'video',
                    mimeType: 'video/mp4',
                    size: bytes.length,
                    storageKey: key,
                });
                return { id: row.id, bytes };
            })
        );
        const mediator = await ctx.as('mediator');
        const answers = await Promise.all(
            Array.from({ length: 16 }, async (_, i) => {
                const { id, bytes } = files[i % 2];
                const start = i * 100_003;
                const end = start + 1_500_000;
                const res = await mediator
                    .get(`/api/attachments/${id}/content`)
                    .set('Range', `bytes=${start}-${end}`)
                    .buffer(true)
                    .parse(parseBinary);
                return { status: res.status, same: binary(res).equals(bytes.subarray(start, end + 1)) };
            })
        );
        expect(answers).toEqual(Array.from({ length: 16 }, () => ({ status: 206, same: true })));
    });

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
    it('serves a 320 px WebP preview of an image, never the original, without auditing a viewing', async () => {
        const support = await freshAgent(ctx, 'support');
        for (let i = 0; i < 3; i++) {
            const res = await support
                .get(`/api/attachments/${photoId}/thumbnail`)
                .buffer(true)
                .parse(parseBinary);
            expect(res.status).toBe(200);
            expect(res.headers['content-type']).toBe('image/webp');
            expect(res.headers['x-content-type-options']).toBe('nosniff');
            expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
            const meta = await sharp(binary(res)).metadata();
            expect(meta.format).toBe('webp');
            expect(Math.max(meta.width!, meta.height!)).toBe(320);
            expect(binary(res).length).toBeLessThan(PHOTO.length);
        }
        expect(await viewings(photoId, support)).toHaveLength(0);
        // Made once: stored under a derived key beside the file.
        expect(await storageFromConfig(ctx.config).stat('evidence/test-photo.jpg.thumb.webp')).not.toBeNull();
    });

    it('has no thumbnail of a document, nor of a video it cannot decode (it must not become an unaudited download)', async () => {
        const support = await freshAgent(ctx, 'support');
        const key = `evidence/${Math.random().toString(36).slice(2)}.pdf`;
        await storageFromConfig(ctx.config).put(key, Buffer.from('%PDF-1.4 document'));
        const pdf = await buildAttachment(ctx.dataSource, {
            kind: 'pdf',
            mimeType: 'application/pdf',
            storageKey: key,
        });
        const res = await support.get(`/api/attachments/${pdf.id}/thumbnail`);
        expect(res.status).toBe(404);
        expect(res.body.message).toMatch(/pdf, which has no thumbnail/);
        const video = await support.get(`/api/attachments/${attachmentId}/thumbnail`);
        expect(video.status).toBe(404);
        expect(video.body.message).toMatch(/\(video\) has no thumbnail/);
        expect(await viewings(attachmentId, support)).toHaveLength(0);
    });

    it('serves a poster frame of a real video where ffmpeg is installed, 404 otherwise', async () => {
        const support = await freshAgent(ctx, 'support');
        const clip = path.join(ctx.config.dataDir, 'clip.mp4');
        const made = (await hasFfmpeg())
            ? spawnSync(FFMPEG, [
                  '-v',
                  'error',
                  '-f',
                  'lavfi',
                  '-i',
                  'testsrc=duration=2:size=640x360:rate=10',
                  '-pix_fmt',
                  'yuv420p',
                  clip,
              ]).status === 0
            : false;
        const content = made ? await fs.readFile(clip) : Buffer.from('not a video');
        const key = `evidence/${Math.random().toString(36).slice(2)}.mp4`;
        await storageFromConfig(ctx.config).put(key, content);
        const video = await buildAttachment(ctx.dataSource, {
            kind: 'video',
            mimeType: 'video/mp4',
            storageKey: key,
        });
        const res = await support
            .get(`/api/attachments/${video.id}/thumbnail`)
            .buffer(true)
            .parse(parseBinary);
        expect(res.status).toBe(made ? 200 : 404);
        if (made) {
            const meta = await sharp(binary(res)).metadata();
            expect([meta.format, meta.width]).toEqual(['webp', 320]);
        }
    });

    it('answers 404 for an unknown attachment and 401 without a session', async () => {
        const support = await freshAgent(ctx, 'support');
        expect((await support.get('/api/attachments/999999/thumbnail')).status).toBe(404);
        expect((await ctx.request().get(`/api/attachments/${photoId}/thumbnail`)).status).toBe(401);
    });
});

describe('file answers', () => {
    it('carry nosniff, a sandboxing CSP and an RFC 6266 inline disposition with the exact name', async () => {
        const support = await freshAgent(ctx, 'support');
        const res = await support
            .get(`/api/attachments/${attachmentId}/content`)
            .buffer(true)
            .parse(parseBinary);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
        expect(res.headers['content-disposition']).toBe(
            `inline; filename="unboxing video.mp4"; filename*=UTF-8''unboxing%20video.mp4`
        );
    });

    it('name a non-ASCII file exactly in filename*, with an ASCII fallback', async () => {
        const key = `evidence/${Math.random().toString(36).slice(2)}`;
        await storageFromConfig(ctx.config).put(key, PHOTO);
        const row = await buildAttachment(ctx.dataSource, {
            fileName: 'Fotoğraf "kırık" (1).jpg',
            storageKey: key,
        });
        const res = await (
            await freshAgent(ctx, 'support')
        )
            .get(`/api/attachments/${row.id}/content`)
            .buffer(true)
            .parse(parseBinary);
        expect(res.headers['content-disposition']).toBe(
            `inline; filename="Foto_raf _k_r_k_ (1).jpg"; filename*=UTF-8''Foto%C4%9Fraf%20%22k%C4%B1r%C4%B1k%22%20%281%29.jpg`
        );
    });

    it('offer a file of a type off the allow-list only as a download, typed application/octet-stream', async () => {
        const key = `evidence/${Math.random().toString(36).slice(2)}`;
        await storageFromConfig(ctx.config).put(
            key,
            Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')
        );
        const row = await buildAttachment(ctx.dataSource, {
            fileName: 'legacy.svg',
            mimeType: 'image/svg+xml',
            storageKey: key,
        });
        const res = await (
            await freshAgent(ctx, 'support')
        )
            .get(`/api/attachments/${row.id}/content`)
            .buffer(true)
            .parse(parseBinary);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/octet-stream');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="legacy.svg"/);
    });
});

describe('PATCH /api/attachments/:id (review)', () => {
    it.each(['relevant', 'not_relevant', 'unreadable'] as const)(
        'sets the review status %s and the note, on the timeline and audited',
        async (reviewStatus) => {
            const mediator = await freshAgent(ctx, 'mediator');
            const row = await buildAttachment(ctx.dataSource);
            const res = await mediator
                .patch(`/api/attachments/${row.id}`)
                .send({ reviewStatus, reviewNote: 'Checked against the order' });
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            expect(res.body).toMatchObject({
                id: row.id,
                reviewStatus,
                reviewNote: 'Checked against the order',
                reviewerId: mediator.staff.id,
                reviewedAt: ctx.clock.now().toISOString(),
                reusedIn: [],
            });
            attachmentRecordSchema.parse(res.body);
            const events = await ctx.dataSource
                .getRepository(DisputeEvent)
                .findBy({ disputeId: row.disputeId, action: 'attachment_reviewed' });
            expect(events).toHaveLength(1);
            const audit = await ctx.dataSource
                .getRepository(AuditEvent)
                .findBy({ action: 'attachment.review', entityId: String(row.id) });
            expect(audit).toHaveLength(1);
            expect(audit[0]).toMatchObject({
                actorId: mediator.staff.id,
                before: { reviewStatus: 'pending', reviewNote: null },
                after: { reviewStatus, reviewNote: 'Checked against the order' },
            });
            expect((await mediator.get(`/api/attachments/${row.id}`)).body.reviewStatus).toBe(reviewStatus);
        }
    );

    it('is for mediators and supervisors (support 403, no session 401)', async () => {
        const row = await buildAttachment(ctx.dataSource);
        const body = { reviewStatus: 'relevant' };
        expect(
            (await (await freshAgent(ctx, 'support')).patch(`/api/attachments/${row.id}`).send(body)).status
        ).toBe(403);
        expect((await ctx.request().patch(`/api/attachments/${row.id}`).send(body)).status).toBe(401);
        expect(
            (await (await freshAgent(ctx, 'supervisor')).patch(`/api/attachments/${row.id}`).send(body))
                .status
        ).toBe(200);
    });

    it.each([
        [{ reviewStatus: 'pending' }, 'reviewStatus'],
        [{ reviewStatus: 'accepted' }, 'reviewStatus'],
        [{}, 'reviewStatus'],
        [{ reviewStatus: 'relevant', reviewNote: 'bell\u0007' }, 'reviewNote'],
        [{ reviewStatus: 'relevant', reviewerId: 1 }, '_'],
    ])('refuses %j with 400 naming the field', async (body, field) => {
        const row = await buildAttachment(ctx.dataSource);
        const res = await (await freshAgent(ctx, 'mediator')).patch(`/api/attachments/${row.id}`).send(body);
        expect(res.status).toBe(400);
        expect(Object.keys(res.body.errors ?? {}).join(' ')).toContain(field);
    });

    it('answers 404 for an unknown attachment', async () => {
        const res = await (
            await freshAgent(ctx, 'mediator')
        )
            .patch('/api/attachments/999999')
            .send({ reviewStatus: 'relevant' });
        expect(res.status).toBe(404);
    });
});
