import { Router, type Request, type Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { AppContext } from '../appContext';
import { appendAudit, lockAuditChain } from '../audit/auditLog';
import { allow } from '../auth/authorize';
import { actorOf } from '../auth/requestAuth';
import { writeTransaction } from '../db/transaction';
import { toDbTimestamp } from '../db/dbKind';
import { Attachment, AuditEvent } from '../entities';
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

/** Where the SPA's previews come from; not a viewing of the evidence, so not audited. */
const THUMBNAIL_KINDS: readonly string[] = ['image'];

/**
 * Audits a viewing of the evidence: the first request (whatever its range) of one session for
 * one attachment within the policy window writes `attachment.download`; the many range requests
 * of a video player, or a reload, within the window do not write again. The check runs again
 * inside the write transaction, under the chain's lock, so parallel requests write it once.
 */
async function auditViewing(context: AppContext, req: Request, attachment: Attachment): Promise<void> {
    const actor = actorOf(req);
    const signIn = req.authSession?.id ?? null;
    const windowMinutes = context.config.policy.evidenceViewAuditWindowMinutes;
    const now = context.clock.now();
    const since = toDbTimestamp(new Date(now.getTime() - windowMinutes * 60_000));
    const viewedInWindow = async (manager: EntityManager) => {
        if (windowMinutes === 0) return false;
        const recent = await manager
            .getRepository(AuditEvent)
            .createQueryBuilder('audit')
            .select(['audit.id', 'audit.after'])
            .where('audit.entity = :entity AND audit.entityId = :entityId', {
                entity: 'attachment',
                entityId: String(attachment.id),
            })
            .andWhere('audit.action = :action', { action: 'attachment.download' })
            .andWhere('audit.actorId = :actorId', { actorId: actor.actorId })
            .andWhere('audit.occurredAt > :since', { since })
            .getMany();
        return recent.some((event) => (event.after?.signIn ?? null) === signIn);
    };
    if (await viewedInWindow(context.dataSource.manager)) return;
    await writeTransaction(context.dataSource, async (manager) => {
        await lockAuditChain(manager);
        if (await viewedInWindow(manager)) return;
        await appendAudit(
            manager,
            actor,
            {
                action: 'attachment.download',
                entity: 'attachment',
                entityId: attachment.id,
                after: { disputeId: attachment.disputeId, range: req.get('range') ?? null, signIn },
            },
            now
        );
    });
}

/** Evidence content, streamed with HTTP Range support (video seeking); viewings are audited. */
export function attachmentsRouter(context: AppContext): Router {
    const router = Router();
    const storage = storageFromConfig(context.config);

    async function load(idParam: string | string[] | undefined) {
        const id = parseId(idParam);
        const attachment = await context.dataSource.getRepository(Attachment).findOneBy({ id });
        if (!attachment) throw notFound(`attachments ${id} does not exist`);
        const stat = await storage.stat(attachment.storageKey);
        if (!stat) throw notFound(`The file of attachment ${id} is missing from storage`);
        return { attachment, size: stat.size };
    }

    async function send(res: Response, attachment: Attachment, size: number, range: ByteRange | null) {
        res.set({
            'Accept-Ranges': 'bytes',
            'Content-Type': attachment.mimeType,
            'Content-Disposition': `inline; filename="${attachment.fileName.replace(/[^\w.-]/g, '_')}"`,
            'X-Content-Type-Options': 'nosniff',
            // Evidence must not outlive the session in the browser's cache.
            'Cache-Control': 'private, no-store',
        });
        if (range) {
            res.status(206).set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
            res.set('Content-Length', String(range.end - range.start + 1));
        } else {
            res.set('Content-Length', String(size));
        }
        const stream = await storage.get(attachment.storageKey, range ?? undefined);
        stream.on('error', () => res.destroy());
        stream.pipe(res);
    }

    router.get('/:id/content', allow(context, 'attachments', 'download'), async (req, res) => {
        const { attachment, size } = await load(req.params.id);
        const range = parseRange(req.get('range'), size);
        await auditViewing(context, req, attachment);
        await send(res, attachment, size, range);
    });

    // The same bytes for now (issue 9 brings resized previews), for images only: a thumbnail
    // route must not become an unaudited way to fetch a video or a document.
    router.get('/:id/thumbnail', allow(context, 'attachments', 'download'), async (req, res) => {
        const { attachment, size } = await load(req.params.id);
        if (!THUMBNAIL_KINDS.includes(attachment.kind)) {
            throw notFound(`attachments ${attachment.id} is a ${attachment.kind}, which has no thumbnail`);
        }
        await send(res, attachment, size, null);
    });

    return router;
}
