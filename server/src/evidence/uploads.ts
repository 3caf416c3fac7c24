/**
 * Reading an evidence upload (multipart/form-data) to storage: streamed part by part with busboy,
 * never held whole in memory; the type detected from the content's first bytes (file-type) against
 * the allow-list; the per-file size limits enforced while the bytes arrive; SHA-256 computed by
 * the store as it writes. Runs before any transaction (the idempotency wrapper's `prepare`); a
 * refused, failed or aborted upload leaves nothing in storage.
 */
import { randomUUID } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
import { fileTypeFromBuffer } from 'file-type';
import type { AttachmentKind } from '../../../shared/domain';
import type { Policy } from '../../../shared/policy';
import { badRequest, HttpError, unprocessable } from '../http/HttpError';
import type { Storage } from '../storage';
import { differenceHash } from './reuse';
import { makeThumbnail } from './thumbnails';

/** The allow-list of DESIGN.md, by the type detected from the content. */
export const ALLOWED_TYPES: Readonly<Record<string, AttachmentKind>> = {
    'image/jpeg': 'image',
    'image/png': 'image',
    'image/webp': 'image',
    'image/gif': 'image',
    'video/mp4': 'video',
    'video/webm': 'video',
    'video/quicktime': 'video',
    'application/pdf': 'pdf',
};

const KIND_NAMES: Record<AttachmentKind, string> = { image: 'images', video: 'videos', pdf: 'PDFs' };

/** Bytes file-type needs to recognise every type on the allow-list. */
const SNIFF_BYTES = 4100;
export const MAX_FILE_NAME_LENGTH = 200;
/** Bytes buffered per stage while streaming: the memory an upload may hold, per file. */
const STREAM_BUFFER_BYTES = 1024 * 1024;

export function sizeLimitOf(kind: AttachmentKind, policy: Policy): number {
    if (kind === 'image') return policy.maxImageBytes;
    if (kind === 'video') return policy.maxVideoBytes;
    return policy.maxPdfBytes;
}

/**
 * The original name as harmless metadata: no directories (`/`, `\`), no `..`, no control or
 * bidirectional-override characters, no leading dot, at most MAX_FILE_NAME_LENGTH characters
 * (the extension kept). The stored file never carries it: its key is random.
 */
export function sanitizeFileName(raw: string | undefined | null): string {
    let name = (raw ?? '').normalize('NFC');
    name = name.split(/[/\\]/).pop() ?? '';
    // eslint-disable-next-line no-control-regex
    name = name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '');
    name = name.replace(/[<>:"|?*]/g, '_');
    name = name.replace(/\.{2,}/g, '.');
    name = name.replace(/^[\s.]+|[\s.]+$/g, '');
    const chars = Array.from(name);
    if (chars.length > MAX_FILE_NAME_LENGTH) {
        const dot = name.lastIndexOf('.');
        const extension = dot > 0 && name.length - dot <= 10 ? Array.from(name.slice(dot)) : [];
        name = chars.slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('') + extension.join('');
    }
    return name || 'file';
}

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

export const tooLarge = (fileName: string, kind: AttachmentKind, limit: number) =>
    new HttpError(413, `"${fileName}" is larger than ${limit} bytes, the limit for ${KIND_NAMES[kind]}`, {
        file: `${fileName}: larger than ${limit} bytes`,
    });

const unsupported = (fileName: string, detected: string | undefined) =>
    new HttpError(
        415,
        `"${fileName}" is ${detected ? `of type ${detected}` : 'of an unrecognised type'}; ` +
            'accepted are JPEG, PNG, WebP, GIF, MP4, WebM, QuickTime and PDF (recognised by content, not by name)',
        { file: `${fileName}: ${detected ?? 'unrecognised type'}` }
    );

const interrupted = () => badRequest('The upload was interrupted before it was complete');

/**
 * Passes a file's bytes through once its type is known from the first SNIFF_BYTES: refuses a type
 * off the allow-list (415) and any byte past the limit of the detected kind (413).
 */
class Inspector extends Transform {
    private head: Buffer[] = [];
    private headLength = 0;
    private limit = 0;
    private received = 0;
    kind: AttachmentKind | null = null;
    mimeType: string | null = null;

    constructor(
        private readonly fileName: string,
        private readonly policy: Policy,
        private readonly truncated: () => boolean
    ) {
        super({ highWaterMark: STREAM_BUFFER_BYTES });
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
        this.received += chunk.length;
        if (this.kind) {
            if (this.received > this.limit) return callback(tooLarge(this.fileName, this.kind, this.limit));
            return callback(null, chunk);
        }
        this.head.push(chunk);
        this.headLength += chunk.length;
        if (this.headLength < SNIFF_BYTES) return callback();
        this.detect().then(() => callback(), callback);
    }

    override _flush(callback: TransformCallback): void {
        const done = () => {
            if (this.truncated()) return callback(tooLarge(this.fileName, this.kind!, this.limit));
            callback();
        };
        if (this.kind) return done();
        this.detect().then(done, callback);
    }

    private async detect(): Promise<void> {
        const head = Buffer.concat(this.head);
        this.head = [];
        const detected = head.length > 0 ? await fileTypeFromBuffer(head) : undefined;
        const kind = detected ? ALLOWED_TYPES[detected.mime] : undefined;
        if (!detected || !kind) throw unsupported(this.fileName, detected?.mime);
        this.kind = kind;
        this.mimeType = detected.mime;
        this.limit = sizeLimitOf(kind, this.policy);
        if (this.received > this.limit) throw tooLarge(this.fileName, kind, this.limit);
        this.push(head);
    }
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

/** The preview and, for an image, the difference hash; a picture sharp cannot decode has neither. */
async function finishFile(storage: Storage, file: PreparedFile): Promise<void> {
    file.thumbnailKey = await makeThumbnail(storage, file.storageKey, file.kind);
    if (file.kind !== 'image') return;
    try {
        file.dhash = await differenceHash(await storage.get(file.storageKey));
    } catch {
        file.dhash = null;
    }
}
