import fs from 'node:fs/promises';
import path from 'node:path';
import type request from 'supertest';
import sharp, { type Sharp } from 'sharp';
import type { Agent } from './agent';
import { INTEGRATION_KEY, newKey } from './integration';
import type { TestApp } from './testApp';

export interface UploadFile {
    name: string;
    content: Buffer;
    /** What the client declares (never trusted): application/octet-stream unless given. */
    type?: string;
}

/** POST /integration/v1/disputes/:id/attachments as the marketplace (multipart/form-data). */
export function partyUpload(
    ctx: TestApp,
    disputeId: number,
    files: UploadFile[],
    { party = 'buyer', key = newKey() }: { party?: string | null; key?: string } = {}
): request.Test {
    let req = ctx
        .request()
        .post(`/integration/v1/disputes/${disputeId}/attachments`)
        .set('Authorization', `Bearer ${INTEGRATION_KEY}`)
        .set('Idempotency-Key', key);
    if (party !== null) req = req.field('party', party);
    for (const file of files) {
        req = req.attach('file', file.content, {
            filename: file.name,
            contentType: file.type ?? 'application/octet-stream',
        });
    }
    return req;
}

/** POST /api/disputes/:id/attachments as a signed-in staff member. */
export function staffUpload(agent: Agent, disputeId: number, files: UploadFile[]): request.Test {
    let req = agent.post(`/api/disputes/${disputeId}/attachments`);
    for (const file of files) {
        req = req.attach('file', file.content, {
            filename: file.name,
            contentType: file.type ?? 'application/octet-stream',
        });
    }
    return req;
}

/** Every file under the app's storage root (temporary files included), relative paths. */
export async function storedFiles(ctx: TestApp): Promise<string[]> {
    const root = path.join(ctx.config.dataDir, 'files');
    try {
        const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
        return entries
            .filter((entry) => entry.isFile())
            .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
            .sort();
    } catch {
        return [];
    }
}

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/**
 * A "photo": smooth blobs of colour on a gradient, different for every seed, so that its
 * difference hash means something (noise would not survive a resize).
 */
export async function photo(seed: number, width = 640, height = 480): Promise<Sharp> {
    const next = random(seed);
    const blobs = Array.from({ length: 6 }, () => ({
        x: next() * width,
        y: next() * height,
        r: (0.15 + next() * 0.3) * width,
        c: [next() * 255, next() * 255, next() * 255],
    }));
    const pixels = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
            const base = ((x / width) * 80 + (y / height) * 80) | 0;
            const rgb = [base, base, base];
            for (const blob of blobs) {
                const d = Math.hypot(x - blob.x, y - blob.y);
                const w = Math.max(0, 1 - d / blob.r);
                for (let c = 0; c < 3; c++) rgb[c] = rgb[c] * (1 - w) + blob.c[c] * w;
            }
            pixels.set(
                rgb.map((v) => Math.round(v)),
                (y * width + x) * 3
            );
        }
    }
    return sharp(pixels, { raw: { width, height, channels: 3 } });
}

export const pngOf = async (seed: number) => (await photo(seed)).png().toBuffer();
export const jpegOf = async (seed: number, width?: number, height?: number) =>
    (await photo(seed, width, height)).jpeg({ quality: 85 }).toBuffer();

/** A PDF of exactly `size` bytes (a header, then padding in a comment). */
export function pdfOf(size: number): Buffer {
    const head = Buffer.from('%PDF-1.4\n%');
    return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
}

/** The start of an ISO base-media MP4 (ftyp box), padded to `size` bytes by an mdat box. */
export function mp4Of(size: number): Buffer {
    const ftyp = Buffer.concat([
        Buffer.from([0, 0, 0, 0x18]),
        Buffer.from('ftypisom'),
        Buffer.from([0, 0, 2, 0]),
        Buffer.from('isomiso2'),
    ]);
    const mdatHeader = Buffer.alloc(8);
    mdatHeader.writeUInt32BE(size - ftyp.length, 0);
    mdatHeader.write('mdat', 4);
    return Buffer.concat([ftyp, mdatHeader, Buffer.alloc(size - ftyp.length - 8, 0)]);
}
