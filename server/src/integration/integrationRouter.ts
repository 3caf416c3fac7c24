import express, { Router, type Request } from 'express';
import type { EntityManager } from 'typeorm';
import {
    openDisputeSchema,
    partyActionSchema,
    sellerOfferSchema,
    type PartyActionInput,
} from '../../../shared/schemas/integration';
import { partyMessageSchema } from '../../../shared/schemas/evidence';
import type { Policy } from '../../../shared/policy';
import type { AppContext } from '../appContext';
import { marketplaceActor, partyActor, type DisputeActor } from '../disputes/disputeActor';
import { refundCompletedSchema, returnShippedSchema } from '../../../shared/schemas/rulings';
import { completeRefund, returnShipped } from '../refunds/refunds';
import { openDispute } from '../disputes/opening';
import { uploadAttachments } from '../evidence/attachmentsRouter';
import { answerOffer, escalate, reopen, sellerOffer, withdraw } from '../disputes/partyActions';
import { lockDispute } from '../disputes/recorder';
import { messageView, postPartyMessage } from '../messages/messages';
import { apiNotFound } from '../http/errorHandler';
import { notFound } from '../http/HttpError';
import { idempotent } from '../http/idempotency';
import { MAX_DB_INT, parseId } from '../rest/listParams';
import { integrationAuth } from './integrationAuth';
import { openApiDocument } from './openapi';
import { disputeView, offerView, refundView } from './views';

/** An id in the path: 400 when it is not one, 404 when no row can have it. */
const PATH_RECORDS = { id: 'Dispute', offerId: 'Offer', refundId: 'Refund' } as const;

function idParam(req: Request, name: keyof typeof PATH_RECORDS): number {
    const id = parseId(req.params[name], name);
    if (id > MAX_DB_INT) throw notFound(`${PATH_RECORDS[name]} ${id} does not exist`);
    return id;
}

type BuyerAction = (
    manager: EntityManager,
    policy: Policy,
    disputeId: number,
    input: PartyActionInput,
    actor: DisputeActor,
    now: Date
) => Promise<void>;

/** The marketplace's inbound API: parties' actions on disputes, behind the integration key. */
export function integrationRouter(context: AppContext): Router {
    const router = Router();
    const { clock } = context;
    const { policy } = context.config;

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
                body: await disputeView(
                    manager,
                    await openDispute(manager, policy, input, partyActor('buyer', req), clock.now())
                ),
            }),
        })
    );

    router.post(
        '/disputes/:id/offers',
        idempotent(context, {
            parse: (req) => ({ id: idParam(req, 'id'), offer: sellerOfferSchema.parse(req.body ?? {}) }),
            run: async (manager, { id, offer }, req) => ({
                status: 201,
                body: offerView(
                    await sellerOffer(manager, id, offer, partyActor('seller', req), clock.now())
                ),
            }),
        })
    );

    for (const [verb, accept] of [
        ['accept', true],
        ['reject', false],
    ] as const) {
        router.post(
            `/disputes/:id/offers/:offerId/${verb}`,
            idempotent(context, {
                parse: (req) => ({
                    id: idParam(req, 'id'),
                    offerId: idParam(req, 'offerId'),
                    input: partyActionSchema.parse(req.body ?? {}),
                }),
                run: async (manager, { id, offerId, input }, req) => {
                    const answer = { disputeId: id, offerId, accept, input };
                    await answerOffer(manager, policy, answer, partyActor('buyer', req), clock.now());
                    return { status: 200, body: await disputeView(manager, id) };
                },
            })
        );
    }

    // multipart/form-data, streamed to storage before the transaction (evidence/uploads.ts).
    router.post('/disputes/:id/attachments', uploadAttachments(context, 'party'));

    const buyerActions: [string, BuyerAction][] = [
        ['escalate', escalate],
        ['withdraw', withdraw],
        ['reopen', reopen],
    ];
    for (const [verb, act] of buyerActions) {
        router.post(
            `/disputes/:id/${verb}`,
            idempotent(context, {
                parse: (req) => ({ id: idParam(req, 'id'), input: partyActionSchema.parse(req.body ?? {}) }),
                run: async (manager, { id, input }, req) => {
                    await act(manager, policy, id, input, partyActor('buyer', req), clock.now());
                    return { status: 200, body: await disputeView(manager, id) };
                },
            })
        );
    }

    router.post(
        '/disputes/:id/messages',
        idempotent(context, {
            parse: (req) => ({ id: idParam(req, 'id'), input: partyMessageSchema.parse(req.body ?? {}) }),
            run: async (manager, { id, input }, req) => {
                const dispute = await lockDispute(manager, id);
                const actor = partyActor(input.party, req);
                const message = await postPartyMessage(
                    manager,
                    dispute,
                    input.party,
                    input.body,
                    actor,
                    clock.now()
                );
                return { status: 201, body: messageView(message) };
            },
        })
    );

    // The buyer shipped the goods back as the ruling ordered: the refund it waited for is requested.
    router.post(
        '/disputes/:id/return-shipped',
        idempotent(context, {
            parse: (req) => ({ id: idParam(req, 'id'), input: returnShippedSchema.parse(req.body ?? {}) }),
            run: async (manager, { id, input }, req) => {
                const refund = await returnShipped(
                    manager,
                    policy,
                    id,
                    input,
                    partyActor('buyer', req),
                    clock.now()
                );
                return { status: 201, body: refundView(refund) };
            },
        })
    );

    // The refund was paid out; a decided dispute closes. Saying it twice changes nothing.
    router.post(
        '/refunds/:refundId/completed',
        idempotent(context, {
            parse: (req) => ({
                id: idParam(req, 'refundId'),
                input: refundCompletedSchema.parse(req.body ?? {}),
            }),
            run: async (manager, { id, input }, req) => {
                const refund = await completeRefund(manager, id, input, marketplaceActor(req), clock.now());
                return { status: 200, body: refundView(refund) };
            },
        })
    );

    router.use(apiNotFound);
    return router;
}
