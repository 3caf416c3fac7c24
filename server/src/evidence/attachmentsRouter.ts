import { Router } from 'express';
import type { AppContext } from '../appContext';
import { appendAudit } from '../audit/auditLog';
import { allow } from '../auth/authorize';
import { actorOf } from '../auth/requestAuth';
import { writeTransaction } from '../db/transaction';
import { Attachment } from '../entities';
import { HttpError, notFound } from '../http/HttpError';
import { parseId } from '../rest/listParams';
import { storageFromConfig, type ByteRange } from '../storage';

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

/** Evidence content, streamed with HTTP Range support (video seeking); downloads are audited. */
export function attachmentsRouter(context: AppContext): Router {
    const router = Router();
    const storage = storageFromConfig(context.config);

    router.get('/:id/content', allow(context, 'attachments', 'download'), async (req, res) => {
        const id = parseId(req.params.id);
        const attachment = await context.dataSource.getRepository(Attachment).findOneBy({ id });
        if (!attachment) throw notFound(`attachments ${id} does not exist`);
        const stat = await storage.stat(attachment.storageKey);
        if (!stat) throw notFound(`The file of attachment ${id} is missing from storage`);
        const range = parseRange(req.get('range'), stat.size);
        // A player fetches many ranges of one video: the first request of a viewing is audited.
        if (!range || range.start === 0) {
            await writeTransaction(context.dataSource, (manager) =>
                appendAudit(
                    manager,
                    actorOf(req),
                    {
                        action: 'attachment.download',
                        entity: 'attachment',
                        entityId: id,
                        after: { disputeId: attachment.disputeId, range: req.get('range') ?? null },
                    },
                    context.clock.now()
                )
            );
        }
        res.set({
            'Accept-Ranges': 'bytes',
            'Content-Type': attachment.mimeType,
            'Content-Disposition': `inline; filename="${attachment.fileName.replace(/[^\w.-]/g, '_')}"`,
            'X-Content-Type-Options': 'nosniff',
            'Cache-Control': 'private, max-age=300',
        });
        if (range) {
            res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${stat.size}`);
            res.set('Content-Length', String(range.end - range.start + 1));
        } else {
            res.set('Content-Length', String(stat.size));
        }
        const stream = await storage.get(attachment.storageKey, range ?? undefined);
        stream.on('error', () => res.destroy());
        stream.pipe(res);
    });

    return router;
}
