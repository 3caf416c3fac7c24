import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../appContext';
import { allow, assertCan } from '../auth/authorize';
import { writeTransaction } from '../db/transaction';
import { uploadAttachments } from '../evidence/attachmentsRouter';
import { disputeGuidance } from '../decisions/guidance';
import { notFound } from '../http/HttpError';
import { validateBody } from '../http/validate';
import { parseId } from '../rest/listParams';
import { getRecord, getRecordIn } from '../rest/resourceReads';
import { rulingSchema } from '../../../shared/schemas/rulings';
import { decisionsResource } from '../decisions/decisionsResource';
import { rule } from '../decisions/rulings';
import { idempotent } from '../http/idempotency';
import {
    evidenceRequestSchema,
    staffMessageSchema,
    type EvidenceRequestInput,
    type StaffMessageInput,
} from '../../../shared/schemas/evidence';
import { requestEvidence } from '../evidence/evidenceRequests';
import { evidenceRequestsResource } from '../evidence/evidenceRequestsResource';
import { postStaffMessage } from '../messages/messages';
import { messagesResource } from '../messages/messagesResource';
import { assign, pickUp, release } from './assignments';
import { staffActor } from './disputeActor';
import { disputesResource } from './disputesResource';
import { lockDispute } from './recorder';
import { disputeTimeline } from './timeline';
import { presenceRouter } from '../live/presenceRouter';

const assignSchema = z.strictObject({ staffId: z.number().int().positive() });
const emptySchema = z.strictObject({});

/** Dispute workflow actions and the timeline; the generic list/show is mounted by the API router. */
export function disputesRouter(context: AppContext): Router {
    const { dataSource, clock } = context;
    const { policy } = context.config;
    const router = Router();
    const record = (id: number) => getRecord(dataSource, disputesResource, id);

    router.use(presenceRouter(context));

    router.get('/:id/timeline', allow(context, 'disputes', 'show'), async (req, res) => {
        const id = parseId(req.params.id);
        if (!(await record(id))) throw notFound(`disputes ${id} does not exist`);
        res.json(await disputeTimeline(context, id));
    });

    router.get('/:id/guidance', allow(context, 'disputes', 'show'), async (req, res) => {
        res.json(await disputeGuidance(context.reads, policy, parseId(req.params.id)));
    });

    router.post(
        '/:id/pickup',
        allow(context, 'disputes', 'pickup'),
        validateBody(emptySchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            await writeTransaction(dataSource, (tx) => pickUp(tx, policy, id, staffActor(req), clock.now()));
            res.json(await record(id));
        }
    );

    router.post(
        '/:id/release',
        allow(context, 'disputes', 'release'),
        validateBody(emptySchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            await writeTransaction(dataSource, async (tx) => {
                const dispute = await lockDispute(tx, id);
                assertCan(req, 'disputes', 'release', dispute);
                return release(tx, dispute, staffActor(req), clock.now());
            });
            res.json(await record(id));
        }
    );

    router.post(
        '/:id/assign',
        allow(context, 'disputes', 'assign'),
        validateBody(assignSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const { staffId } = req.body as z.infer<typeof assignSchema>;
            await writeTransaction(dataSource, (tx) =>
                assign(tx, policy, id, staffId, staffActor(req), clock.now())
            );
            res.json(await record(id));
        }
    );

    router.post(
        '/:id/evidence-requests',
        allow(context, 'disputes', 'request_evidence'),
        // The deadline's bounds are counted from now, so the schema is made per request.
        (req, res, next) => validateBody(evidenceRequestSchema(policy, clock.now()))(req, res, next),
        async (req, res) => {
            const id = parseId(req.params.id);
            const input = req.body as EvidenceRequestInput;
            const created = await writeTransaction(dataSource, async (tx) => {
                const dispute = await lockDispute(tx, id);
                assertCan(req, 'disputes', 'request_evidence', dispute);
                return requestEvidence(tx, dispute, input, staffActor(req), clock.now());
            });
            res.status(201).json(await getRecord(dataSource, evidenceRequestsResource, created.id));
        }
    );

    router.post(
        '/:id/messages',
        allow(context, 'disputes', 'message'),
        validateBody(staffMessageSchema),
        async (req, res) => {
            const id = parseId(req.params.id);
            const { visibility, body } = req.body as StaffMessageInput;
            const message = await writeTransaction(dataSource, async (tx) => {
                const dispute = await lockDispute(tx, id);
                assertCan(req, 'disputes', visibility === 'internal' ? 'note' : 'message', dispute);
                return postStaffMessage(tx, dispute, visibility, body, staffActor(req), clock.now());
            });
            res.status(201).json(await getRecord(dataSource, messagesResource, message.id));
        }
    );

    // A ruling moves money: like every integration POST it takes an Idempotency-Key, so that a
    // double submit or a retry after a lost answer rules once.
    router.post(
        '/:id/decision',
        allow(context, 'disputes', 'rule'),
        idempotent(context, {
            parse: (req) => ({
                id: parseId(req.params.id),
                input: rulingSchema(policy).parse(req.body ?? {}),
            }),
            run: async (tx, { id, input }, req) => {
                const dispute = await lockDispute(tx, id);
                assertCan(req, 'disputes', 'rule', dispute);
                const decision = await rule(tx, policy, dispute, input, staffActor(req), clock.now());
                return { status: 201, body: await getRecordIn(tx, decisionsResource, decision.id) };
            },
        })
    );

    // Staff evidence, multipart/form-data like a party's upload (evidence/uploads.ts).
    router.post(
        '/:id/attachments',
        allow(context, 'attachments', 'create'),
        uploadAttachments(context, 'staff')
    );

    return router;
}
