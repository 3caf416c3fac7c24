import { Router, type Request } from 'express';
import { presenceSchema, type PresenceEvent, type PresenceInput } from '../../../shared/live';
import type { AppContext } from '../appContext';
import { allow } from '../auth/authorize';
import { currentStaff } from '../auth/requestAuth';
import { Dispute } from '../entities';
import { notFound } from '../http/HttpError';
import { validateBody } from '../http/validate';
import { parseId } from '../rest/listParams';
import { liveHub } from './liveHub';

/**
 * Who has a case page open: the page sends POST every PRESENCE_HEARTBEAT_MS while it shows dispute
 * :id and DELETE when it leaves; GET (and each answer) lists the viewers. Changes reach the
 * event streams of every process.
 */
export function presenceRouter(context: AppContext): Router {
    const router = Router();
    const hub = () => liveHub(context.dataSource);

    /** The dispute of the route, or 404; then the hub, listening. */
    async function disputeOf(req: Request): Promise<number> {
        const id = parseId(req.params.id);
        if (!(await context.reads.getRepository(Dispute).existsBy({ id })))
            throw notFound(`Dispute #${id} does not exist`);
        await hub().start(context.clock);
        return id;
    }

    async function announce(req: Request, present: boolean): Promise<PresenceEvent> {
        const disputeId = await disputeOf(req);
        const staff = currentStaff(req);
        const { tabId } = req.body as PresenceInput;
        const viewer = { staffId: staff.id, fullName: staff.fullName, role: staff.role };
        const at = context.clock.now().getTime();
        await hub().announce({ type: 'presence', disputeId, tabId, viewer, present, at });
        return { disputeId, viewers: hub().viewers(disputeId) };
    }

    router.get('/:id/presence', allow(context, 'disputes', 'show'), async (req, res) => {
        const disputeId = await disputeOf(req);
        res.json({ disputeId, viewers: hub().viewers(disputeId) } satisfies PresenceEvent);
    });

    router.post(
        '/:id/presence',
        allow(context, 'disputes', 'show'),
        validateBody(presenceSchema),
        async (req, res) => {
            res.json(await announce(req, true));
        }
    );

    router.delete(
        '/:id/presence',
        allow(context, 'disputes', 'show'),
        validateBody(presenceSchema),
        async (req, res) => {
            await announce(req, false);
            res.status(204).end();
        }
    );

    return router;
}
