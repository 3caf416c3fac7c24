import { Router } from 'express';
import type { AppContext } from '../appContext';
import { appendAudit } from '../audit/auditLog';
import { actorOf } from '../auth/requestAuth';
import { allow } from '../auth/authorize';
import { lockRow } from '../db/locks';
import { writeTransaction } from '../db/transaction';
import { OutboxEvent } from '../entities';
import { conflict, notFound } from '../http/HttpError';
import { parseId } from '../rest/listParams';
import { getRecord } from '../rest/resourceReads';
import { outboxEventsResource } from './outboxEventsResource';

/**
 * `GET /api/outbox-events/delivery`: whether webhooks are configured (and to which host).
 * `POST /api/outbox-events/:id/replay`: a dead-lettered event is queued again, due now, with its
 * attempt count reset (it gets the whole retry schedule again; its earlier deliveries stay listed).
 * The same `webhook-id` goes out, so a receiver that did get it before can tell.
 */
export function outboxRouter(context: AppContext): Router {
    const { dataSource, clock } = context;
    const router = Router();

    // Whether anything is being sent at all: with no MARKETPLACE_WEBHOOK_URL events stay queued.
    router.get('/delivery', allow(context, 'outbox-events', 'list'), (_req, res) => {
        const { url } = context.config.webhook;
        res.json({ configured: url !== undefined, host: url ? new URL(url).host : null });
    });

    router.post('/:id/replay', allow(context, 'outbox-events', 'replay'), async (req, res) => {
        const id = parseId(req.params.id);
        await writeTransaction(dataSource, async (tx) => {
            const event = await lockRow(tx, OutboxEvent, id);
            if (!event) throw notFound(`outbox-events ${id} does not exist`);
            if (event.status !== 'dead')
                throw conflict(`Only a dead-lettered event can be replayed; this one is ${event.status}`);
            const now = clock.now();
            const before = { status: event.status, attempts: event.attempts, lastError: event.lastError };
            await tx.getRepository(OutboxEvent).update(
                { id, status: 'dead' },
                {
                    status: 'pending',
                    attempts: 0,
                    nextAttemptAt: now,
                    leaseHolder: null,
                    leaseUntil: null,
                }
            );
            await appendAudit(
                tx,
                actorOf(req),
                {
                    action: 'outbox_event.replayed',
                    entity: 'outbox_event',
                    entityId: id,
                    before,
                    after: { status: 'pending', attempts: 0, nextAttemptAt: now, type: event.type },
                },
                now
            );
        });
        res.json(await getRecord(dataSource, outboxEventsResource, id));
    });

    return router;
}
