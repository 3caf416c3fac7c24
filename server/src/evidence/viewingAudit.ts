/**
 * The audit of evidence viewings: the first request (whatever its range) of one session for one
 * attachment within the policy window writes `attachment.download`; the many range requests of a
 * video player, or a reload, within the window do not write again.
 */
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import type { AppContext } from '../appContext';
import { appendAudit, lockAuditChain } from '../audit/auditLog';
import { actorOf } from '../auth/requestAuth';
import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { Attachment, AuditEvent } from '../entities';

/** Audited viewings this process remembers; the oldest are forgotten first (and looked up again). */
const REMEMBERED_VIEWINGS = 10_000;

/**
 * Audits a viewing of the evidence, once per session, attachment and window. A video player sends
 * many range requests a second: the viewings already audited are remembered (the time of their
 * committed audit event, which the append-only log never loses), so that a continuation costs no
 * query. Otherwise the committed log is read; the check runs again inside the write transaction,
 * under the chain's lock, so that parallel requests write the event once.
 */
export function viewingAudit(context: AppContext) {
    /** `actor/signIn/attachment` → when its audited viewing occurred (epoch ms). */
    const audited = new Map<string, number>();

    const remember = (key: string, occurredAt: number) => {
        if ((audited.get(key) ?? -Infinity) >= occurredAt) return;
        audited.delete(key);
        audited.set(key, occurredAt);
        if (audited.size > REMEMBERED_VIEWINGS) audited.delete(audited.keys().next().value!);
    };

    return async function auditViewing(req: Request, attachment: Attachment): Promise<void> {
        const windowMinutes = context.config.policy.evidenceViewAuditWindowMinutes;
        const actor = actorOf(req);
        const signIn = req.authSession?.id ?? null;
        const key = `${actor.actorId}/${signIn}/${attachment.id}`;
        const now = context.clock.now();
        const since = now.getTime() - windowMinutes * 60_000;
        if (windowMinutes > 0 && (audited.get(key) ?? -Infinity) > since) return;

        /** When this session's viewing was audited within the window, if it was. */
        const viewedInWindow = async (manager: EntityManager): Promise<number | null> => {
            if (windowMinutes === 0) return null;
            const recent = await manager
                .getRepository(AuditEvent)
                .createQueryBuilder('audit')
                .select(['audit.id', 'audit.occurredAt', 'audit.after'])
                .where('audit.entity = :entity AND audit.entityId = :entityId', {
                    entity: 'attachment',
                    entityId: String(attachment.id),
                })
                .andWhere('audit.action = :action', { action: 'attachment.download' })
                .andWhere('audit.actorId = :actorId', { actorId: actor.actorId })
                .andWhere('audit.occurredAt > :since', { since: toDbTimestamp(new Date(since)) })
                .getMany();
            const times = recent
                .filter((event) => (event.after?.signIn ?? null) === signIn)
                .map((event) => new Date(event.occurredAt).getTime());
            return times.length ? Math.max(...times) : null;
        };

        const committed = await viewedInWindow(context.reads.manager);
        if (committed !== null) return remember(key, committed);
        const occurredAt = await writeTransaction(context.dataSource, async (manager) => {
            await lockAuditChain(manager);
            const found = await viewedInWindow(manager);
            if (found !== null) return found;
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
            return now.getTime();
        });
        // Only once committed: a viewing whose audit rolled back is audited again.
        if (windowMinutes > 0) remember(key, occurredAt);
    };
}
