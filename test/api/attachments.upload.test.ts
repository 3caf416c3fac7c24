import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationAttachmentSchema } from '../../shared/schemas/attachments';
import { Attachment, AuditEvent, DisputeEvent, EvidenceRequest } from '../../server/src/entities';
import { FFMPEG, hasFfmpeg } from '../../server/src/evidence/thumbnails';
import { buildDispute, buildEvidenceRequest } from '../helpers/factories';
import { INTEGRATION_KEY, newKey } from '../helpers/integration';
import { createTestApp, type TestApp } from '../helpers/testApp';
import { jpegOf, mp4Of, partyUpload, pdfOf, pngOf, staffUpload, storedFiles } from '../helpers/uploads';

let ctx: TestApp;
const PDF_LIMIT = 6000;
/** The largest limit: a video past it is also past busboy's own file size limit. */
const VIDEO_LIMIT = 500_000;
const IMAGE_LIMIT = 400_000;

beforeAll(async () => {
    ctx = await createTestApp({
        POLICY_MAX_PDF_BYTES: String(PDF_LIMIT),
        POLICY_MAX_VIDEO_BYTES: String(VIDEO_LIMIT),
        POLICY_MAX_IMAGE_BYTES: String(IMAGE_LIMIT),
        POLICY_MAX_FILES_PER_PARTY: '5',
    });
});
afterAll(() => ctx.close());

const inReview = async () => (await buildDispute(ctx.dataSource, { status: 'in_review' })).id;
const rowsOf = (disputeId: number) => ctx.dataSource.getRepository(Attachment).findBy({ disputeId });
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Storage and rows of a dispute are exactly as before the refused request. */
async function expectNothingLeft(disputeId: number, filesBefore: string[]) {
    expect(await rowsOf(disputeId)).toHaveLength(0);
    expect(await storedFiles(ctx)).toEqual(filesBefore);
}

describe('POST /integration/v1/disputes/:id/attachments', () => {
    it('stores a party file under a random key and answers with the record: detected type, size, sha256', async () => {
        const id = await inReview();
        const png = await pngOf(1);
        const res = await partyUpload(ctx, id, [{ name: 'defect.png', content: png, type: 'image/png' }]);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body).toHaveLength(1);
        expect(res.body[0]).toMatchObject({
            disputeId: id,
            uploadedBy: 'buyer',
            kind: 'image',
            fileName: 'defect.png',
            mimeType: 'image/png',
            size: png.length,
            sha256: sha256(png),
        });
        // The marketplace gets what it sent: never staff's review or the reused-evidence matches.
        integrationAttachmentSchema.parse(res.body[0]);
        expect(res.body[0]).not.toHaveProperty('reusedIn');
        expect(res.body[0]).not.toHaveProperty('reviewNote');
        const [row] = await rowsOf(id);
        expect(row.storageKey).toMatch(/^evidence\/[0-9a-f-]{36}$/);
        expect(row.dhash).toMatch(/^[0-9a-f]{16}$/);
        const files = await storedFiles(ctx);
        expect(files).toContain(row.storageKey);
        expect(files).toContain(`${row.storageKey}.thumb.webp`);

        const events = await ctx.dataSource.getRepository(DisputeEvent).findBy({ disputeId: id });
        expect(events.map((e) => e.action)).toContain('attachment_added');
        const audit = await ctx.dataSource
            .getRepository(AuditEvent)
            .findBy({ action: 'attachment.create', entityId: String(row.id) });
        expect(audit).toHaveLength(1);
        expect(audit[0].actorRole).toBe('marketplace:buyer');
    });

    it('takes several files in one request, each typed by its content', async () => {
        const id = await inReview();
        const res = await partyUpload(
            ctx,
            id,
            [
                { name: 'receipt.pdf', content: pdfOf(3000) },
                { name: 'unboxing.mp4', content: mp4Of(20_000) },
                { name: 'photo.jpg', content: await jpegOf(2) },
            ],
            { party: 'seller' }
        );
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.map((a: Attachment) => [a.kind, a.mimeType, a.uploadedBy])).toEqual([
            ['pdf', 'application/pdf', 'seller'],
            ['video', 'video/mp4', 'seller'],
            ['image', 'image/jpeg', 'seller'],
        ]);
    });

    it("makes a video's poster frame once the upload has committed, where ffmpeg is installed", async () => {
        const id = await inReview();
        const clip = path.join(ctx.config.dataDir, 'poster-clip.mp4');
        const ffmpeg = await hasFfmpeg();
        if (ffmpeg) {
            const args = ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=10'];
            expect(spawnSync(FFMPEG, [...args, '-pix_fmt', 'yuv420p', '-y', clip]).status).toBe(0);
        }
        const content = ffmpeg ? await fs.readFile(clip) : mp4Of(20_000);
        const res = await partyUpload(ctx, id, [{ name: 'unboxing.mp4', content }]);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        const [row] = await rowsOf(id);
        const poster = `${row.storageKey}.thumb.webp`;
        if (!ffmpeg) {
            expect(await storedFiles(ctx)).not.toContain(poster);
            return;
        }
        // Made in the background after the answer: wait for it (the wait is not what is tested).
        await expect.poll(() => storedFiles(ctx)).toContain(poster);
    });

    it('accepts a PNG renamed .pdf, as the PNG it is', async () => {
        const id = await inReview();
        const res = await partyUpload(ctx, id, [
            { name: 'receipt.pdf', content: await pngOf(3), type: 'application/pdf' },
        ]);
        expect(res.status).toBe(201);
        expect(res.body[0]).toMatchObject({ kind: 'image', mimeType: 'image/png', fileName: 'receipt.pdf' });
    });

    const zip = Buffer.concat([
        Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'),
        Buffer.alloc(20, 0),
        Buffer.from('\x09\x00\x00\x00evil.html', 'latin1'),
        Buffer.alloc(200, 0x41),
    ]);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58, 0), Buffer.from([0x80, 0, 0, 0])]);
    const exeWithPe = Buffer.concat([exe, Buffer.alloc(64, 0), Buffer.from('PE\0\0'), Buffer.alloc(300, 0)]);
    it.each([
        ['an executable named .jpg', 'photo.jpg', exeWithPe, 'image/jpeg'],
        [
            'an SVG',
            'picture.svg',
            Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
            'image/svg+xml',
        ],
        [
            'an HTML page',
            'page.png',
            Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
            'image/png',
        ],
        ['a ZIP archive', 'evidence.pdf', zip, 'application/pdf'],
        ['a shell script', 'run.mp4', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'video/mp4'],
        ['an empty file', 'empty.jpg', Buffer.alloc(0), 'image/jpeg'],
    ])(
        'refuses %s with 415, whatever its name or declared type, leaving nothing',
        async (_what, name, content, type) => {
            const id = await inReview();
            const before = await storedFiles(ctx);
            const res = await partyUpload(ctx, id, [{ name, content, type }]);
            expect(res.status, JSON.stringify(res.body)).toBe(415);
            expect(res.body.message).toMatch(
                /accepted are JPEG, PNG, WebP, GIF, MP4, WebM, QuickTime and PDF/
            );
            expect(res.body.errors.file).toBeDefined();
            await expectNothingLeft(id, before);
        }
    );

    it('refuses the whole upload when one of its files is refused (the accepted ones are removed too)', async () => {
        const id = await inReview();
        const before = await storedFiles(ctx);
        const res = await partyUpload(ctx, id, [
            { name: 'ok.pdf', content: pdfOf(2000) },
            { name: 'bad.svg', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') },
        ]);
        expect(res.status).toBe(415);
        await expectNothingLeft(id, before);
    });

    describe('size limits, enforced while streaming', () => {
        it.each([
            ['a PDF', PDF_LIMIT, pdfOf],
            ['a video', VIDEO_LIMIT, mp4Of],
        ])('accepts %s of exactly the limit', async (_what, limit, make) => {
            const id = await inReview();
            const res = await partyUpload(ctx, id, [{ name: 'limit', content: make(limit) }]);
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            expect(res.body[0].size).toBe(limit);
        });

        it.each([
            ['a PDF', PDF_LIMIT, pdfOf, /limit for PDFs/],
            ['a video', VIDEO_LIMIT, mp4Of, /limit for videos/],
        ])(
            'refuses %s one byte over the limit with 413, leaving no file and no row',
            async (_what, limit, make, message) => {
                const id = await inReview();
                const before = await storedFiles(ctx);
                const res = await partyUpload(ctx, id, [{ name: 'over', content: make(limit + 1) }]);
                expect(res.status).toBe(413);
                expect(res.body.message).toMatch(message);
                await expectNothingLeft(id, before);
            }
        );

        it('measures an image against the image limit, not the PDF one', async () => {
            const id = await inReview();
            const jpeg = await jpegOf(4, 1600, 1200);
            expect(jpeg.length).toBeGreaterThan(PDF_LIMIT);
            expect((await partyUpload(ctx, id, [{ name: 'big.jpg', content: jpeg }])).status).toBe(201);
        });
    });

    describe('count limits', () => {
        it('allows 3 images and 1 video at opening, and names the limit beyond (422)', async () => {
            const id = (await buildDispute(ctx.dataSource, { status: 'opened' })).id;
            const images = await Promise.all(
                [5, 6, 7].map(async (seed) => ({ name: `${seed}.png`, content: await pngOf(seed) }))
            );
            expect((await partyUpload(ctx, id, images)).status).toBe(201);
            const before = await storedFiles(ctx);
            const fourth = await partyUpload(ctx, id, [{ name: '8.png', content: await pngOf(8) }]);
            expect(fourth.status).toBe(422);
            expect(fourth.body.message).toMatch(/at most 3 images \(openingMaxImages\)/);
            expect(await storedFiles(ctx)).toEqual(before);

            const videos = [1, 2].map((n) => ({ name: `${n}.mp4`, content: mp4Of(1000 + n) }));
            const two = await partyUpload(ctx, id, videos);
            expect(two.status).toBe(422);
            expect(two.body.message).toMatch(/at most 1 videos \(openingMaxVideos\)/);
            expect((await partyUpload(ctx, id, [videos[0]])).status).toBe(201);
            // The seller's files are counted apart from the buyer's.
            expect((await partyUpload(ctx, id, [images[0]], { party: 'seller' })).status).toBe(201);
            expect(await rowsOf(id)).toHaveLength(5);
        });

        it('allows policy.maxFilesPerParty files per party per dispute later on (422 beyond)', async () => {
            const id = await inReview();
            const pdfs = (n: number) =>
                Array.from({ length: n }, (_, i) => ({ name: `${i}.pdf`, content: pdfOf(100 + i) }));
            expect((await partyUpload(ctx, id, pdfs(4))).status).toBe(201);
            const res = await partyUpload(ctx, id, pdfs(2));
            expect(res.status).toBe(422);
            expect(res.body.message).toMatch(/At most 5 files per party per dispute \(maxFilesPerParty\)/);
            expect((await partyUpload(ctx, id, pdfs(1))).status).toBe(201);
            expect((await partyUpload(ctx, id, pdfs(1), { party: 'seller' })).status).toBe(201);
        });
    });

    it.each(['closed', 'withdrawn', 'resolved', 'decided'] as const)(
        'refuses an upload to a %s dispute with 409, leaving nothing',
        async (status) => {
            const id = (await buildDispute(ctx.dataSource, { status })).id;
            const before = await storedFiles(ctx);
            const res = await partyUpload(ctx, id, [{ name: 'late.pdf', content: pdfOf(500) }]);
            expect(res.status).toBe(409);
            expect(res.body.message).toMatch(new RegExp(`is ${status}`));
            await expectNothingLeft(id, before);
        }
    );

    it.each([
        ['no party', null],
        ['an unknown party', 'mediator'],
    ])('answers 400 for %s, leaving nothing', async (_what, party) => {
        const id = await inReview();
        const before = await storedFiles(ctx);
        const res = await partyUpload(ctx, id, [{ name: 'x.pdf', content: pdfOf(500) }], { party });
        expect(res.status).toBe(400);
        expect(res.body.errors.party).toMatch(/buyer.*seller/);
        await expectNothingLeft(id, before);
    });

    it('answers 400 without a file, 415 for a JSON body, 404 for an unknown dispute', async () => {
        const id = await inReview();
        expect((await partyUpload(ctx, id, [])).status).toBe(400);
        const json = await ctx
            .request()
            .post(`/integration/v1/disputes/${id}/attachments`)
            .set('Authorization', `Bearer ${INTEGRATION_KEY}`)
            .set('Idempotency-Key', newKey())
            .send({ party: 'buyer' });
        expect(json.status).toBe(415);
        const before = await storedFiles(ctx);
        expect((await partyUpload(ctx, 999999, [{ name: 'x.pdf', content: pdfOf(500) }])).status).toBe(404);
        expect(await storedFiles(ctx)).toEqual(before);
    });

    it('keeps a hostile file name only as harmless metadata', async () => {
        const id = await inReview();
        const names = [
            ['../../../etc/passwd.pdf', 'passwd.pdf'],
            ['C:\\Windows\\System32\\evil.pdf', 'evil.pdf'],
            ['..', 'file'],
            ['.htaccess', 'htaccess'],
            ['receipt\u202egnp.pdf', 'receiptgnp.pdf'],
            ['a..b...pdf', 'a.b.pdf'],
            [`${'x'.repeat(300)}.pdf`, `${'x'.repeat(196)}.pdf`],
        ];
        for (const [name, expected] of names) {
            const res = await partyUpload(ctx, await inReview(), [{ name, content: pdfOf(200) }]);
            expect(res.status, `${name} ${JSON.stringify(res.body)}`).toBe(201);
            expect(res.body[0].fileName, JSON.stringify(name)).toBe(expected);
        }
        // Control characters arrive percent-encoded in an RFC 5987 filename* parameter.
        const boundary = 'hostile-boundary';
        const body = Buffer.concat([
            Buffer.from(
                `--${boundary}\r\nContent-Disposition: form-data; name="party"\r\n\r\nbuyer\r\n` +
                    `--${boundary}\r\nContent-Disposition: form-data; name="file"; ` +
                    `filename*=UTF-8''..%2F..%2Fre%00ce%1Bipt%07.pdf\r\n\r\n`
            ),
            pdfOf(300),
            Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        const encoded = await ctx
            .request()
            .post(`/integration/v1/disputes/${id}/attachments`)
            .set('Authorization', `Bearer ${INTEGRATION_KEY}`)
            .set('Idempotency-Key', newKey())
            .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
            .send(body);
        expect(encoded.status, JSON.stringify(encoded.body)).toBe(201);
        expect(encoded.body[0].fileName).toBe('receipt.pdf');
        // A raw control character cannot even be part of a multipart header: the body is malformed.
        const nul = await partyUpload(ctx, id, [{ name: 'a\u0000.pdf', content: pdfOf(200) }]);
        expect(nul.status).toBe(400);
        expect((await rowsOf(id))[0].storageKey).toMatch(/^evidence\/[0-9a-f-]{36}$/);
        expect(
            (await storedFiles(ctx)).every((file) => /^evidence\/[0-9a-f-]{36}(\.thumb\.webp)?$/.test(file))
        ).toBe(true);
    });

    it('replays the first answer for the same Idempotency-Key without storing a second file', async () => {
        const id = await inReview();
        const key = newKey();
        const content = await pngOf(9);
        const first = await partyUpload(ctx, id, [{ name: 'once.png', content }], { key });
        expect(first.status).toBe(201);
        const files = await storedFiles(ctx);
        const again = await partyUpload(ctx, id, [{ name: 'once.png', content }], { key });
        expect(again.status).toBe(201);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.body).toEqual(first.body);
        expect(await rowsOf(id)).toHaveLength(1);
        expect(await storedFiles(ctx)).toEqual(files);
        // Other bytes under the same key are another request: 422, nothing kept.
        const other = await partyUpload(ctx, id, [{ name: 'once.png', content: await pngOf(10) }], { key });
        expect(other.status).toBe(422);
        expect(await storedFiles(ctx)).toEqual(files);
    });

    it('leaves no file and no row when the client disconnects mid-upload', async () => {
        const id = await inReview();
        const before = await storedFiles(ctx);
        const server = http.createServer(ctx.app);
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const { port } = server.address() as AddressInfo;
        const boundary = 'abort-boundary';
        const head = Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="party"\r\n\r\nbuyer\r\n` +
                `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.mp4"\r\n` +
                'Content-Type: video/mp4\r\n\r\n'
        );
        const req = http.request({
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/integration/v1/disputes/${id}/attachments`,
            headers: {
                Authorization: `Bearer ${INTEGRATION_KEY}`,
                'Idempotency-Key': newKey(),
                'Content-Type': `multipart/form-data; boundary=${boundary}`,
                'Content-Length': String(head.length + VIDEO_LIMIT),
            },
        });
        req.on('error', () => undefined);
        req.write(head);
        req.write(mp4Of(VIDEO_LIMIT).subarray(0, 30_000));
        // The server has started writing the file; then the client goes away.
        await new Promise((resolve) => setTimeout(resolve, 200));
        req.destroy();
        // The server notices the abort and cleans up after it: wait for that (the wait is not what is tested).
        await expect.poll(async () => (await storedFiles(ctx)).length).toBe(before.length);
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await expectNothingLeft(id, before);
    });

    it('answers the open evidence requests asking the uploading party', async () => {
        const mediator = await ctx.as('mediator');
        const dispute = await buildDispute(ctx.dataSource, {
            status: 'awaiting_evidence',
            assigneeId: mediator.staff.id,
            assignedAt: ctx.clock.now(),
            slaPausedAt: ctx.clock.now(),
        });
        const request = await buildEvidenceRequest(ctx.dataSource, {
            disputeId: dispute.id,
            requestedFrom: 'buyer',
        });
        const res = await partyUpload(ctx, dispute.id, [{ name: 'asked.pdf', content: pdfOf(400) }]);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        const after = await ctx.dataSource.getRepository(EvidenceRequest).findOneByOrFail({ id: request.id });
        expect(after).toMatchObject({ status: 'fulfilled', buyerAnswered: true });
        const record = await mediator.get(`/api/disputes/${dispute.id}`);
        expect(record.body.status).toBe('in_review');
    });
});

describe('POST /api/disputes/:id/attachments (staff)', () => {
    it('stores a staff file with its uploader and does not answer evidence requests', async () => {
        const support = await ctx.as('support');
        const dispute = await buildDispute(ctx.dataSource, {
            status: 'awaiting_evidence',
            slaPausedAt: ctx.clock.now(),
        });
        await buildEvidenceRequest(ctx.dataSource, { disputeId: dispute.id, requestedFrom: 'buyer' });
        const res = await staffUpload(support, dispute.id, [{ name: 'call notes.pdf', content: pdfOf(700) }]);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body[0]).toMatchObject({
            uploadedBy: 'staff',
            uploaderStaffId: support.staff.id,
            kind: 'pdf',
        });
        const open = await ctx.dataSource
            .getRepository(EvidenceRequest)
            .findBy({ disputeId: dispute.id, status: 'open' });
        expect(open).toHaveLength(1);
    });

    it('refuses a staff upload without a session (401) or without the CSRF token (403), leaving nothing', async () => {
        const id = await inReview();
        const before = await storedFiles(ctx);
        const anonymous = await ctx
            .request()
            .post(`/api/disputes/${id}/attachments`)
            .attach('file', pdfOf(300), 'x.pdf');
        expect(anonymous.status).toBe(401);
        const support = await ctx.as('support');
        const noCsrf = await ctx
            .request()
            .post(`/api/disputes/${id}/attachments`)
            .set('Cookie', support.cookie)
            .attach('file', pdfOf(300), 'x.pdf');
        expect(noCsrf.status).toBe(403);
        await expectNothingLeft(id, before);
    });

    it('refuses the same bad types and sizes as a party upload', async () => {
        const id = await inReview();
        const supervisor = await ctx.as('supervisor');
        const before = await storedFiles(ctx);
        expect(
            (await staffUpload(supervisor, id, [{ name: 'x.html', content: Buffer.from('<html></html>') }]))
                .status
        ).toBe(415);
        expect(
            (await staffUpload(supervisor, id, [{ name: 'x.pdf', content: pdfOf(PDF_LIMIT + 1) }])).status
        ).toBe(413);
        await expectNothingLeft(id, before);
    });
});
