import express, { Router, type Request } from 'express';
import type { EntityManager } from 'typeorm';
import {
    openDisputeSchema,
    partyActionSchema,
    sellerOfferSchema,
    type PartyActionInput,
} from '../../../shared/schemas/integration';
import type { AppContext } from '../appContext';
import { partyActor, type DisputeActor } from '../disputes/disputeActor';
import { apiNotFound } from '../http/errorHandler';
import { notFound } from '../http/HttpError';
import { MAX_DB_INT, parseId } from '../rest/listParams';
import { idempotent } from './idempotency';
import { integrationAuth } from './integrationAuth';
import { openApiDocument } from './openapi';
import { openDispute } from './openDispute';
import { partyActions } from './partyActions';

/** An id in the path: 400 when it is not one, 404 when no row can have it. */
function idParam(req: Request, name: 'id' | 'offerId'): number {
    const id = parseId(req.params[name], name);
    if (id > MAX_DB_INT) throw notFound(`${name === 'id' ? 'Dispute' : 'Offer'} ${id} does not exist`);
    return id;
}

type BuyerAction = (
    manager: EntityManager,
    disputeId: number,
    input: PartyActionInput,
    actor: DisputeActor
) => Promise<unknown>;

/** The marketplace's inbound API: parties' actions on disputes, behind the integration key. */
export function integrationRouter(context: AppContext): Router {
    const router = Router();
    const actions = partyActions(context);

    router.get('/openapi.json', (_req, res) => {
        res.json(openApiDocument);
    });

    router.use(integrationAuth(context.config));
    router.use(express.json({ limit: '1mb' }));

    router.post(
        '/disputes',
        idempotent(context, {
            parse: (req) => openDisputeSchema.parse(req.body ?? {}),
            run: async (manager, input, req) => ({
                status: 201,
                body: await openDispute(context, manager, input, partyActor('buyer', req)),
            }),
        })
    );

    router.post(
        '/disputes/:id/offers',
        idempotent(context, {
            parse: (req) => ({ id: idParam(req, 'id'), offer: sellerOfferSchema.parse(req.body ?? {}) }),
            run: async (manager, { id, offer }, req) => ({
                status: 201,
                body: await actions.sellerOffer(manager, id, offer, partyActor('seller', req)),
            }),
        })
    );

    for (const [verb, answer] of [
        ['accept', actions.accept],
        ['reject', actions.reject],
    ] as const) {
        router.post(
            `/disputes/:id/offers/:offerId/${verb}`,
            idempotent(context, {
                parse: (req) => ({
                    id: idParam(req, 'id'),
                    offerId: idParam(req, 'offerId'),
                    input: partyActionSchema.parse(req.body ?? {}),
                }),
                run: async (manager, { id, offerId, input }, req) => ({
                    status: 200,
                    body: await answer(manager, id, offerId, input, partyActor('buyer', req)),
                }),
            })
        );
    }

    const buyerActions: [string, BuyerAction][] = [
        ['escalate', actions.escalate],
        ['withdraw', actions.withdraw],
        ['reopen', actions.reopen],
    ];
    for (const [verb, act] of buyerActions) {
        router.post(
            `/disputes/:id/${verb}`,
            idempotent(context, {
                parse: (req) => ({ id: idParam(req, 'id'), input: partyActionSchema.parse(req.body ?? {}) }),
                run: async (manager, { id, input }, req) => ({
                    status: 200,
                    body: await act(manager, id, input, partyActor('buyer', req)),
                }),
            })
        );
    }

    router.use(apiNotFound);
    return router;
}
