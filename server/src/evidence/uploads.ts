/**
 * Reading an evidence upload (multipart/form-data) to storage: streamed part by part with busboy,
 * never held whole in memory; the type detected from the content's first bytes (file-type) against
 * the allow-list; the per-file size limits enforced while the bytes arrive; SHA-256 computed by
 * the store as it writes. Runs before any transaction (the idempotency wrapper's `prepare`); a
 * refused, failed or aborted upload leaves nothing in storage.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
import type { AttachmentKind } from '../../../shared/domain';
import type { Policy } from '../../../shared/policy';
import { badRequest, HttpError, unprocessable } from '../http/HttpError';
import type { Storage } from '../storage';
import { Inspector, interrupted, sanitizeFileName, STREAM_BUFFER_BYTES, tooLarge } from './fileChecks';
import { differenceHash } from './reuse';
import { makeThumbnail } from './thumbnails';

/** One file read to storage, not yet an attachment row. */
export interface PreparedFile {
    storageKey: string;
    thumbnailKey: string | null;
    fileName: string;
    mimeType: string;
    kind: AttachmentKind;
    size: number;
    sha256: string;
    /** Images only: the difference hash (reused-evidence detection). */
    dhash: string | null;
}

export interface PreparedUpload {
    fields: Record<string, string>;
    files: PreparedFile[];
}

export interface ReceiveOptions {
    /** Text fields the route takes (anything else is a 400). */
    fields: readonly string[];
    /** Files in one upload at most (more: 422). */
    maxFiles: number;
}

/** Deletes what an upload stored (files and previews); missing objects are not an error. */
export async function discardUpload(storage: Storage, upload: PreparedUpload): Promise<void> {
    await Promise.all(
        upload.files.flatMap((file) => [
            storage.delete(file.storageKey),
            ...(file.thumbnailKey ? [storage.delete(file.thumbnailKey)] : []),
        ])
    );
}

/** Reads every `file` part to storage under a random key; rejects (leaving nothing) on any refusal. */
export async function receiveUpload(
    req: Request,
    storage: Storage,
    policy: Policy,
    options: ReceiveOptions
): Promise<PreparedUpload> {
    if (!req.is('multipart/form-data')) {
        throw new HttpError(415, 'An upload is multipart/form-data with one or more "file" parts', {
            'Content-Type': 'must be multipart/form-data',
        });
    }
    const largest = Math.max(policy.maxImageBytes, policy.maxVideoBytes, policy.maxPdfBytes);
    let parser: busboy.Busboy;
    try {
        parser = busboy({
            headers: req.headers,
            defParamCharset: 'utf8',
            // Large buffers: fewer, larger disk writes (the store's writer batches what is queued).
            highWaterMark: STREAM_BUFFER_BYTES,
            fileHwm: STREAM_BUFFER_BYTES,
            limits: {
                // busboy flags a file that reaches its limit: one byte more, so that exactly the
                // largest limit is accepted and the first byte past it is refused (413).
                fileSize: largest + 1,
                files: options.maxFiles,
                fields: options.fields.length + 1,
                fieldSize: 1024,
                parts: options.maxFiles + options.fields.length + 1,
            },
        });
    } catch {
        throw badRequest('The multipart/form-data body cannot be read (boundary missing?)');
    }

    const fields: Record<string, string> = {};
    const stored: { key: string; write: Promise<PreparedFile | null> }[] = [];
    const active = new Set<Inspector>();
    let failure: Error | null = null;

    const received = new Promise<void>((resolve, reject) => {
        const fail = (error: Error) => {
            if (failure) return;
            failure = error;
            // Stop parsing; the rest of the body is read and dropped so that the answer can be sent.
            req.unpipe(parser);
            req.resume();
            for (const inspector of active) inspector.destroy(error);
            reject(error);
        };

        req.on('error', () => fail(interrupted()));
        req.on('close', () => {
            if (!req.complete) fail(interrupted());
        });

        parser.on('field', (name, value, info) => {
            if (!options.fields.includes(name)) {
                return fail(
                    badRequest(`Unknown field "${name}"`, { [name]: 'is not a field of this upload' })
                );
            }
            if (info.valueTruncated)
                return fail(badRequest(`Field "${name}" is too long`, { [name]: 'too long' }));
            fields[name] = value;
        });

        parser.on('file', (name, stream: Readable & { truncated?: boolean }, info) => {
            if (failure) return stream.resume();
            if (name !== 'file') {
                stream.resume();
                return fail(
                    badRequest(`Files go in "file" parts, not "${name}"`, { [name]: 'unknown file field' })
                );
            }
            const fileName = sanitizeFileName(info.filename);
            const inspector = new Inspector(fileName, policy, () => stream.truncated === true);
            active.add(inspector);
            stream.on('limit', () =>
                inspector.destroy(tooLarge(fileName, inspector.kind ?? 'video', largest))
            );
            stream.on('error', (error) => inspector.destroy(error));
            inspector.on('error', () => {
                stream.unpipe(inspector);
                stream.resume();
            });
            stream.pipe(inspector);
            const key = `evidence/${randomUUID()}`;
            const write = storage.put(key, inspector).then(
                (object): PreparedFile => ({
                    storageKey: key,
                    thumbnailKey: null,
                    fileName,
                    mimeType: inspector.mimeType!,
                    kind: inspector.kind!,
                    size: object.size,
                    sha256: object.sha256,
                    dhash: null,
                }),
                (error: Error) => {
                    fail(error instanceof HttpError ? error : interrupted());
                    return null;
                }
            );
            void write.finally(() => active.delete(inspector));
            stored.push({ key, write });
        });

        parser.on('filesLimit', () =>
            fail(
                unprocessable(`At most ${options.maxFiles} files in one upload`, {
                    file: `at most ${options.maxFiles} files`,
                })
            )
        );
        parser.on('fieldsLimit', () => fail(badRequest('Too many fields in the upload')));
        parser.on('partsLimit', () => fail(badRequest('Too many parts in the upload')));
        parser.on('error', () => fail(badRequest('The multipart/form-data body is malformed')));
        parser.on('close', () => {
            Promise.all(stored.map((s) => s.write)).then(() => {
                if (!failure) resolve();
            }, fail);
        });
        req.pipe(parser);
    });

    const files: PreparedFile[] = [];
    try {
        await received;
        for (const { write } of stored) files.push((await write)!);
        if (files.length === 0)
            throw badRequest('No file in the upload', { file: 'at least one is required' });
        await Promise.all(files.map((file) => finishFile(storage, file)));
        return { fields, files };
    } catch (error) {
        // Every write has settled before anything is deleted (a late rename must not bring a file back).
        await Promise.allSettled(stored.map((s) => s.write));
        await Promise.all(stored.map((s) => storage.delete(s.key)));
        await discardUpload(storage, { fields, files });
        throw error;
    }
}

/**
 * An image's preview and difference hash, before the answer (a picture sharp cannot decode has
 * neither). A video's poster frame waits for the commit (`makeVideoPosters`).
 */
async function finishFile(storage: Storage, file: PreparedFile): Promise<void> {
    if (file.kind !== 'image') return;
    file.thumbnailKey = await makeThumbnail(storage, file.storageKey, file.kind);
    try {
        file.dhash = await differenceHash(await storage.get(file.storageKey));
    } catch {
        file.dhash = null;
    }
}

/**
 * The poster frames of a committed upload's videos, made in the background: ffmpeg reading a
 * 500 MB video must not hold the uploader's answer. Until one is there (or where it cannot be
 * made) the thumbnail route makes it on request or the gallery shows a typed placeholder.
 */
export function makeVideoPosters(storage: Storage, upload: PreparedUpload): void {
    for (const file of upload.files) {
        if (file.kind !== 'video') continue;
        makeThumbnail(storage, file.storageKey, file.kind).catch((error: unknown) =>
            console.error(`Could not store the poster frame of ${file.storageKey}:`, error)
        );
    }
}
