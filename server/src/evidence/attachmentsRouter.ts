import { Router, type Request, type RequestHandler, type Response } from 'express';
import { attachmentReviewSchema, type AttachmentReviewInput } from '../../../shared/schemas/attachments';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import { sqlParam } from '../db/dbKind';
import { afterCommit, writeTransaction } from '../db/transaction';
import { partyActor, staffActor } from '../disputes/disputeActor';
import { Attachment } from '../entities';
import { badRequest, HttpError, notFound } from '../http/HttpError';
import { idempotent, type IdempotentRoute } from '../http/idempotency';
import { validateBody } from '../http/validate';
import { MAX_DB_INT, parseId } from '../rest/listParams';
import { storageFromConfig, StorageNotFoundError, type ByteRange } from '../storage';
import {
    addAttachments,
    attachmentRecords,
    integrationAttachmentView,
    reviewAttachment,
    type Uploader,
} from './attachments';
import { ensureThumbnail, THUMBNAIL_TYPE } from './thumbnails';
import { ALLOWED_TYPES } from './fileChecks';
import { discardUpload, makeVideoPosters, receiveUpload, type PreparedUpload } from './uploads';
import { viewingAudit } from './viewingAudit';

/** One `bytes=` range of a Range header against a file size; null = whole file. */
export function parseRange(header: string | undefined, size: number): ByteRange | null {
    if (!header) return null;
    const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
    const unsatisfiable = () =>
        new HttpError(416, `Range "${header}" cannot be served from ${size} bytes`, undefined, {
            'Content-Range': `bytes */${size}`,
        });
    if (!match || (match[1] === '' && match[2] === '')) throw unsatisfiable();
    let start: number;
    let end: number;
    if (match[1] === '') {
        start = Math.max(0, size - Number(match[2]));
        end = size - 1;
    } else {
        start = Number(match[1]);
        end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    }
    if (start > end || start >= size) throw unsatisfiable();
    return { start, end };
}

/** Where the SPA's previews come from; not a viewing of the evidence, so not audited. */
const THUMBNAIL_KINDS: readonly string[] = ['image', 'video'];

/** The headers of a file answer that an error answer instead of it must not keep. */
const FILE_HEADERS = [
    'Content-Type',
    'Content-Length',
    'Content-Range',
    'Content-Disposition',
    'Accept-Ranges',
];

/** Nothing in a served file may run or load anything, should a browser ever render it. */
export const FILE_CSP = "default-src 'none'; sandbox";

/** RFC 5987 value characters: everything else percent-encoded. */
function rfc5987(value: string): string {
    return encodeURIComponent(value).replace(
        /['()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
    );
}

/**
 * RFC 6266: `inline` only for the types of the allow-list (anything else, say a file stored before
 * the checks, is a download), an ASCII `filename` fallback and the exact name in `filename*`.
 */
export function contentDisposition(fileName: string, mimeType: string): string {
    const disposition = ALLOWED_TYPES[mimeType] ? 'inline' : 'attachment';
    const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
    return `${disposition}; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/**
 * What serving a file needs of its attachment, in fixed SQL: a video player sends many range
 * requests a second, and building the query each time cost more than running it.
 */
const CONTENT_SQL =
    'SELECT "id", "disputeId", "storageKey", "mimeType", "fileName" FROM "attachment" WHERE "id" = ' +
    sqlParam(1);
type ContentRow = Pick<Attachment, 'id' | 'disputeId' | 'storageKey' | 'mimeType' | 'fileName'>;

/** Evidence content, streamed with HTTP Range support (video seeking); viewings are audited. */
export function attachmentsRouter(context: AppContext): Router {
    const router = Router();
    const storage = storageFromConfig(context.config);
    const auditViewing = viewingAudit(context);

    async function load(idParam: string | string[] | undefined) {
        const id = parseId(idParam);
        const [row] = (await context.reads.query(CONTENT_SQL, [id])) as ContentRow[];
        if (!row) throw notFound(`attachments ${id} does not exist`);
        const attachment = Object.assign(new Attachment(), { ...row, disputeId: Number(row.disputeId) });
        const stat = await storage.stat(attachment.storageKey);
        if (!stat) throw notFound(`The file of attachment ${id} is missing from storage`);
        return { attachment, size: stat.size };
    }

    async function send(res: Response, attachment: Attachment, size: number, range: ByteRange | null) {
        res.set({
            'Accept-Ranges': 'bytes',
            'Content-Type': ALLOWED_TYPES[attachment.mimeType]
                ? attachment.mimeType
                : 'application/octet-stream',
            'Content-Disposition': contentDisposition(attachment.fileName, attachment.mimeType),
            'X-Content-Type-Options': 'nosniff',
            'Content-Security-Policy': FILE_CSP,
            // Evidence must not outlive the session in the browser's cache.
            'Cache-Control': 'private, no-store',
        });
        if (range) {
            res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
            res.set('Content-Length', String(range.end - range.start + 1));
        } else {
            res.set('Content-Length', String(size));
        }
        await sendStored(res, attachment.storageKey, range ?? undefined);
    }

    /** The stored bytes as the answer's body; an error after the first byte can only cut it short. */
    async function sendStored(res: Response, key: string, range?: ByteRange) {
        try {
            await storage.sendTo(key, range, res);
            res.end();
        } catch (error) {
            if (res.headersSent) return void res.destroy();
            // Nothing was sent: the error's answer must not carry the file's headers.
            for (const name of FILE_HEADERS) res.removeHeader(name);
            if (error instanceof StorageNotFoundError) throw notFound('The file is missing from storage');
            throw error;
        }
    }

    router.get('/:id/content', allow(context, 'attachments', 'download'), async (req, res) => {
        const { attachment, size } = await load(req.params.id);
        const range = parseRange(req.get('range'), size);
        await auditViewing(req, attachment);
        await send(res, attachment, size, range);
    });

    // A 320 px WebP made on upload (or now, for a file stored before previews existed), for images
    // and, where ffmpeg is installed, videos: never the original bytes, so a thumbnail cannot
    // become an unaudited way to fetch the evidence.
    router.get('/:id/thumbnail', allow(context, 'attachments', 'download'), async (req, res) => {
        const id = parseId(req.params.id);
        const attachment = await context.dataSource.getRepository(Attachment).findOneBy({ id });
        if (!attachment) throw notFound(`attachments ${id} does not exist`);
        if (!THUMBNAIL_KINDS.includes(attachment.kind)) {
            throw notFound(`attachments ${attachment.id} is a ${attachment.kind}, which has no thumbnail`);
        }
        const key = await ensureThumbnail(storage, attachment.storageKey, attachment.kind);
        const stat = key ? await storage.stat(key) : null;
        if (!key || !stat) {
            throw notFound(`attachments ${attachment.id} (${attachment.kind}) has no thumbnail`);
        }
        res.set({
            'Content-Type': THUMBNAIL_TYPE,
            'Content-Length': String(stat.size),
            'X-Content-Type-Options': 'nosniff',
            'Content-Security-Policy': FILE_CSP,
            // A preview shows the evidence too: it must not outlive the session in the browser's cache.
            'Cache-Control': 'private, no-store',
        });
        await sendStored(res, key);
    });

    router.patch(
        '/:id',
        allow(context, 'attachments', 'review'),
        validateBody(attachmentReviewSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const review = req.body as AttachmentReviewInput;
            const body = await writeTransaction(context.dataSource, async (tx) => {
                const row = await reviewAttachment(tx, id, review, staffActor(req), context.clock.now());
                return (await attachmentRecords(tx, [row], context.config.policy))[0];
            });
            res.json(body);
        }
    );

    return router;
}

/** The dispute id of an upload's path: 400 when it is not one, 404 when no row can have it. */
function disputeIdOf(req: Request): number {
    const id = parseId(req.params.id, 'id');
    if (id > MAX_DB_INT) throw notFound(`Dispute ${id} does not exist`);
    return id;
}

/**
 * `POST …/disputes/:id/attachments` (multipart/form-data): a party's upload through the
 * integration API (field `party`, always with an Idempotency-Key) or a staff member's in the
 * console (an Idempotency-Key is honoured when sent). The files are read to storage before any
 * transaction (the wrapper's `prepare`) and deleted again when the upload does not take effect.
 */
export function uploadAttachments(context: AppContext, from: 'party' | 'staff'): RequestHandler {
    const { policy } = context.config;
    const storage = storageFromConfig(context.config);
    const route: IdempotentRoute<{ id: number }, PreparedUpload> = {
        parse: (req) => ({ id: disputeIdOf(req) }),
        async prepare(req) {
            const upload = await receiveUpload(req, storage, policy, {
                fields: from === 'party' ? ['party'] : [],
                maxFiles: policy.maxFilesPerParty,
            });
            const party = upload.fields.party;
            if (from === 'party' && party !== 'buyer' && party !== 'seller') {
                await discardUpload(storage, upload);
                throw badRequest('Say whose evidence this is: party is "buyer" or "seller"', {
                    party: 'must be "buyer" or "seller"',
                });
            }
            // What "the same request" means for the Idempotency-Key: the fields and the files' content.
            req.body = {
                ...upload.fields,
                files: upload.files.map((file) => ({ fileName: file.fileName, sha256: file.sha256 })),
            };
            return upload;
        },
        discard: (upload) => discardUpload(storage, upload),
        async run(tx, { id }, req, upload) {
            const party = upload.fields.party as 'buyer' | 'seller';
            const uploader: Uploader =
                from === 'party' ? { kind: party } : { kind: 'staff', staffId: staffActor(req).staffId! };
            const actor = from === 'party' ? partyActor(party, req) : staffActor(req);
            const rows = await addAttachments(
                tx,
                policy,
                id,
                uploader,
                upload.files,
                actor,
                context.clock.now()
            );
            afterCommit(() => makeVideoPosters(storage, upload));
            // A party sees what it sent; the review and the reuse matches are staff's.
            const body =
                from === 'party'
                    ? rows.map(integrationAttachmentView)
                    : await attachmentRecords(tx, rows, policy);
            return { status: 201, body };
        },
    };
    const withKey = idempotent(context, route);
    if (from === 'party') return withKey;
    return async (req, res, next) => {
        if (req.get('idempotency-key')) return withKey(req, res, next);
        const input = route.parse(req);
        const upload = await route.prepare!(req, input);
        let kept = false;
        try {
            const outcome = await writeTransaction(context.dataSource, (tx) =>
                route.run(tx, input, req, upload)
            );
            kept = true;
            res.status(outcome.status).json(outcome.body);
        } finally {
            if (!kept) await discardUpload(storage, upload);
        }
    };
}
