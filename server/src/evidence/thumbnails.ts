/**
 * Previews of the evidence for the gallery: a 320 px WebP of an image, or of a video's poster
 * frame where Debian's ffmpeg is installed. Made once and stored beside the file under a derived
 * key: an image's before its upload is answered, a video's once the upload has committed; a file
 * whose preview is not there (yet) gets it on first request.
 */
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import sharp, { type Sharp } from 'sharp';
import type { AttachmentKind } from '../../../shared/domain';
import { LocalDiskStorage, type Storage } from '../storage';

export const THUMBNAIL_PX = 320;
export const THUMBNAIL_TYPE = 'image/webp';
export const FFMPEG = '/usr/bin/ffmpeg';
/** A poster frame that takes longer than this is given up (the SPA shows a typed placeholder). */
const FFMPEG_TIMEOUT_MS = 20_000;
const MAX_FRAME_BYTES = 32 * 1024 * 1024;

/** Where the preview of a stored file lives. */
export function thumbnailKeyOf(storageKey: string): string {
    return `${storageKey}.thumb.webp`;
}

function toWebp(input: Sharp): Promise<Buffer> {
    return input
        .rotate()
        .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 75 })
        .toBuffer();
}

async function imagePreview(storage: Storage, key: string): Promise<Buffer> {
    const resize = sharp({ failOn: 'error', limitInputPixels: 100_000_000 });
    const source = await storage.get(key);
    source.on('error', (error) => resize.destroy(error));
    source.pipe(resize);
    return toWebp(resize);
}

let ffmpegPresent: Promise<boolean> | undefined;
export function hasFfmpeg(): Promise<boolean> {
    ffmpegPresent ??= access(FFMPEG).then(
        () => true,
        () => false
    );
    return ffmpegPresent;
}

/** One frame of the video (at `seek` seconds) as PNG bytes, or an empty buffer. */
function grabFrame(input: string, seek: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const args = ['-v', 'error', '-nostdin'];
        if (seek > 0) args.push('-ss', String(seek));
        args.push('-i', input, '-frames:v', '1', '-vf', `scale=${THUMBNAIL_PX}:-2`);
        args.push('-f', 'image2pipe', '-c:v', 'png', 'pipe:1');
        const child = spawn(FFMPEG, args, { stdio: ['ignore', 'pipe', 'ignore'] });
        const chunks: Buffer[] = [];
        let size = 0;
        const timer = setTimeout(() => child.kill('SIGKILL'), FFMPEG_TIMEOUT_MS);
        child.stdout.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_FRAME_BYTES) child.kill('SIGKILL');
            else chunks.push(chunk);
        });
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.on('close', () => {
            clearTimeout(timer);
            resolve(Buffer.concat(chunks));
        });
    });
}

async function videoPreview(storage: Storage, key: string): Promise<Buffer | null> {
    // ffmpeg needs to seek (an MP4's index may sit at its end): it reads the file itself.
    if (!(storage instanceof LocalDiskStorage) || !(await hasFfmpeg())) return null;
    const file = storage.pathOf(key);
    let frame = await grabFrame(file, 1);
    if (frame.length === 0) frame = await grabFrame(file, 0);
    if (frame.length === 0) return null;
    return toWebp(sharp(frame));
}

/**
 * Makes and stores the preview of a stored file; its key, or null when the kind has none (a PDF,
 * a video without ffmpeg) or the content cannot be decoded.
 */
export async function makeThumbnail(
    storage: Storage,
    storageKey: string,
    kind: AttachmentKind
): Promise<string | null> {
    let preview: Buffer | null = null;
    try {
        if (kind === 'image') preview = await imagePreview(storage, storageKey);
        else if (kind === 'video') preview = await videoPreview(storage, storageKey);
    } catch {
        return null;
    }
    if (!preview) return null;
    const key = thumbnailKeyOf(storageKey);
    await storage.put(key, preview);
    return key;
}

/** The stored preview's key, made now if the file was stored before previews existed. */
export async function ensureThumbnail(
    storage: Storage,
    storageKey: string,
    kind: AttachmentKind
): Promise<string | null> {
    const key = thumbnailKeyOf(storageKey);
    if (await storage.stat(key)) return key;
    return makeThumbnail(storage, storageKey, kind);
}
