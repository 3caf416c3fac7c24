import { Router } from 'express';
import type { Role } from '../../../shared/domain';
import { EVENTS_KEEP_ALIVE_MS, EVENTS_RETRY_MS } from '../../../shared/live';
import { denialReason } from '../../../shared/permissions';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import { currentStaff } from '../auth/requestAuth';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions';
import { readCookie } from '../http/cookies';
import { liveHub, type StreamEvent } from './liveHub';

/** May this role read what the event is about? (The same table every /api route enforces.) */
function mayRead(role: Role, event: StreamEvent): boolean {
    if (event.event === 'resync') return true;
    return denialReason(role, { resource: 'disputes', action: 'show' }) === null;
}

/**
 * GET /api/events: one Server-Sent Events stream per browser tab. It carries `dispute` (a dispute
 * changed), `presence` (who has a case page open) and `resync` (events may have been missed)
 * about what the signed-in role may read, while the session lasts; a comment every
 * EVENTS_KEEP_ALIVE_MS keeps proxies from closing it.
 */
export function eventsRouter(context: AppContext): Router {
    const router = Router();

    router.get('/', allow(context, 'disputes', 'list'), async (req, res) => {
        const { role } = currentStaff(req);
        const token = readCookie(req.headers.cookie, SESSION_COOKIE);
        const hub = liveHub(context.dataSource);
        await hub.start(context.clock);

        res.status(200).set({
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-store, no-transform',
            Connection: 'keep-alive',
            // nginx and similar proxies would otherwise buffer the stream.
            'X-Accel-Buffering': 'no',
        });
        res.flushHeaders();
        req.socket.setNoDelay(true);
        res.write(`retry: ${EVENTS_RETRY_MS}\n: connected\n\n`);

        let open = true;
        // Writes happen in order, each after the session was found still valid.
        let queue = Promise.resolve();
        const send = (chunk: () => string) => {
            queue = queue
                .then(async () => {
                    if (!open) return;
                    const lookup = await resolveSession(context, token);
                    if (!lookup.ok) return close();
                    if (open) res.write(chunk());
                })
                .catch((error) => {
                    console.error('An event stream failed', error);
                    close();
                });
        };
        const stop = hub.onEvent((event) => {
            if (!mayRead(role, event)) return;
            send(() => `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
        });
        const stopClosing = hub.onClose(() => close());
        const keepAlive = setInterval(() => send(() => ': keep-alive\n\n'), EVENTS_KEEP_ALIVE_MS);

        function close() {
            if (!open) return;
            open = false;
            stop();
            stopClosing();
            clearInterval(keepAlive);
            res.end();
        }
        res.on('close', close);
    });

    return router;
}
