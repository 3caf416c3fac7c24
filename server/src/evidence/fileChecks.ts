/**
 * What an evidence file may be: the allow-list of types recognised by content, the size limit of
 * each kind, a safe file name, and the stream check (Inspector) that enforces both as bytes arrive.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import type { AttachmentKind } from '../../../shared/domain';
import type { Policy } from '../../../shared/policy';
import { badRequest, HttpError } from '../http/HttpError';

/** The allow-list of evidence types, by the type detected from the content. */
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
/** Bytes buffered per stage while streaming: the memory an upload may hold, per file. */
export const STREAM_BUFFER_BYTES = 1024 * 1024;
const SNIFF_BYTES = 4100;
export const MAX_FILE_NAME_LENGTH = 200;
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

export const interrupted = () => badRequest('The upload was interrupted before it was complete');

/**
 * Passes a file's bytes through once its type is known from the first SNIFF_BYTES: refuses a type
 * off the allow-list (415) and any byte past the limit of the detected kind (413).
 */
export class Inspector extends Transform {
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
