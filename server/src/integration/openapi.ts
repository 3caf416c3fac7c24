import { z } from 'zod';
import {
    errorResponseSchema,
    IDEMPOTENCY_KEY_MAX_LENGTH,
    integrationDisputeSchema,
    integrationOfferSchema,
    integrationRefundSchema,
    openDisputeSchema,
    partyActionSchema,
    sellerOfferSchema,
} from '../../../shared/schemas/integration';
import { integrationMessageSchema, partyMessageSchema } from '../../../shared/schemas/evidence';
import { integrationAttachmentSchema } from '../../../shared/schemas/attachments';
import { refundCompletedSchema, returnShippedSchema } from '../../../shared/schemas/rulings';
import { REPLAYED_HEADER } from '../http/idempotency';

/** JSON Schema 2020-12 (what OpenAPI 3.1 uses) of a zod schema, as a component. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io }) as Record<string, unknown>;
    return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schemaName: string) => ({ 'application/json': { schema: ref(schemaName) } });

const ERROR_DESCRIPTIONS: Record<number, string> = {
    400: 'Missing or too long Idempotency-Key, malformed id, or a body that is not valid (`errors` names each field)',
    401: 'No or wrong integration API key',
    404: 'No such dispute, offer or refund',
    413: 'A file is larger than the limit of its kind (the message names the file and the limit); nothing is kept',
    415: 'A file of a type off the allow-list (recognised by content), or a body that is not multipart/form-data',
    409: 'The action is not allowed in the dispute’s current state (the message names the state and the allowed actions), or a request with this Idempotency-Key is still in progress',
    422: 'A domain rule refuses it (a window of time, protection, an open dispute, a blocked buyer …), or the Idempotency-Key was used with a different body',
};

const ACTS_FOR = {
    buyer: 'the buyer',
    seller: 'the seller',
    either: 'the party named in the body',
    marketplace: 'the marketplace (its payment provider)',
} as const;

interface PostSpec {
    operationId: string;
    summary: string;
    description: string;
    /** `either`: the party the body names; `marketplace`: the marketplace itself. */
    party: 'buyer' | 'seller' | 'either' | 'marketplace';
    body: string;
    bodyRequired: boolean;
    ok: { status: 200 | 201; schema: string; description: string };
    path: ('DisputeId' | 'OfferId' | 'RefundId')[];
    tags?: string[];
    errors: number[];
}

function post(spec: PostSpec) {
    const errors = Object.fromEntries(
        [...new Set([400, 401, 422, ...spec.errors])]
            .sort()
            .map((status) => [
                String(status),
                { description: ERROR_DESCRIPTIONS[status], content: json('Error') },
            ])
    );
    return {
        post: {
            operationId: spec.operationId,
            tags: spec.tags ?? ['disputes'],
            summary: spec.summary,
            description: `${spec.description}\n\nActs for ${ACTS_FOR[spec.party]}.`,
            parameters: [
                { $ref: '#/components/parameters/IdempotencyKey' },
                ...spec.path.map((name) => ({ $ref: `#/components/parameters/${name}` })),
            ],
            requestBody: { required: spec.bodyRequired, content: json(spec.body) },
            responses: {
                [String(spec.ok.status)]: {
                    description: spec.ok.description,
                    headers: { [REPLAYED_HEADER]: { $ref: '#/components/headers/IdempotentReplayed' } },
                    content: json(spec.ok.schema),
                },
                ...errors,
            },
        },
    };
}

function buyerAction(verb: string, summary: string, description: string, errors: number[]) {
    return post({
        operationId: `${verb}Dispute`,
        summary,
        description,
        party: 'buyer',
        body: 'PartyAction',
        bodyRequired: false,
        ok: { status: 200, schema: 'Dispute', description: 'The dispute after the action' },
        path: ['DisputeId'],
        errors: [404, 409, ...errors],
    });
}

function answerOffer(verb: 'accept' | 'reject', description: string) {
    return post({
        operationId: `${verb}Offer`,
        summary: `The buyer ${verb}s the seller's pending offer`,
        description,
        party: 'buyer',
        body: 'PartyAction',
        bodyRequired: false,
        ok: { status: 200, schema: 'Dispute', description: 'The dispute after the answer' },
        path: ['DisputeId', 'OfferId'],
        errors: [404, 409],
    });
}

/** The party upload: multipart/form-data, so its body is described here rather than by a zod schema. */
function uploadOperation() {
    const operation = post({
        operationId: 'uploadEvidence',
        summary: "A party's evidence files",
        description:
            'multipart/form-data: a field `party` (`buyer` or `seller`) and one or more `file` parts, streamed to ' +
            'storage. The type is recognised from the content, never the name or the declared type: JPEG, PNG, ' +
            'WebP, GIF, MP4, WebM, QuickTime or PDF, anything else 415. Each file at most policy.maxImageBytes ' +
            '(images), policy.maxVideoBytes (videos) or policy.maxPdfBytes (PDFs), exactly the limit accepted ' +
            '(413 beyond, nothing kept). While the dispute is opened a party may file policy.openingMaxImages images ' +
            'and policy.openingMaxVideos videos, later policy.maxFilesPerParty files in all (422 naming the limit). ' +
            'Refused (409) once the dispute is decided, closed, resolved or withdrawn. Answers the open evidence ' +
            'requests asking this party, like a message. A retry with the same key and the same files replays ' +
            'the answer; other files under the same key are 422.',
        party: 'either',
        body: 'EvidenceUpload',
        bodyRequired: true,
        ok: { status: 201, schema: 'Attachments', description: 'The files, as stored' },
        path: ['DisputeId'],
        errors: [404, 409, 413, 415],
    });
    operation.post.requestBody = {
        required: true,
        content: { 'multipart/form-data': { schema: ref('EvidenceUpload') } },
    } as unknown as typeof operation.post.requestBody;
    return operation;
}

const pathId = (name: string, description: string) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'integer', minimum: 1 },
});

/** The OpenAPI 3.1 description of /integration/v1, served at /integration/v1/openapi.json. */
export const openApiDocument = {
    openapi: '3.1.0',
    info: {
        title: 'Dispute Desk integration API',
        version: '1.0.0',
        description:
            'Inbound calls of the marketplace: buyers open disputes and answer offers, sellers make offers. ' +
            'Amounts are integers in the minor unit of the ISO 4217 currency beside them. Every POST takes an ' +
            'Idempotency-Key: a retry with the same key and body gets the first answer again (with ' +
            `${REPLAYED_HEADER}: true) and has no second effect.`,
    },
    servers: [{ url: '/integration/v1' }],
    security: [{ integrationKey: [] }],
    tags: [{ name: 'disputes' }, { name: 'meta' }],
    paths: {
        '/openapi.json': {
            get: {
                operationId: 'getOpenApiDocument',
                tags: ['meta'],
                summary: 'This document',
                security: [],
                responses: {
                    '200': {
                        description: 'The OpenAPI document',
                        content: { 'application/json': { schema: { type: 'object' } } },
                    },
                },
            },
        },
        '/disputes': post({
            operationId: 'openDispute',
            summary: 'Open a dispute on an order',
            description:
                'Buyer, seller and order are created or updated by their external ids. Refused with 422 ' +
                'earlier than policy.openAfterShipmentDays after shipment (or without shipment and tracking ' +
                'number), later than policy.openBeforeCompletionDays after completion, once the protection ' +
                'ended, while the order has an open dispute, after an accepted offer on it, or for a blocked buyer.',
            party: 'buyer',
            body: 'OpenDispute',
            bodyRequired: true,
            ok: { status: 201, schema: 'Dispute', description: 'The dispute, opened' },
            path: [],
            errors: [],
        }),
        '/disputes/{id}/offers': post({
            operationId: 'makeOffer',
            summary: "The seller's offer",
            description:
                "The seller's first answer moves an opened dispute to negotiating; earlier pending offers are " +
                'superseded. The amount is at most the order total (a full refund is exactly the total).',
            party: 'seller',
            body: 'SellerOffer',
            bodyRequired: true,
            ok: { status: 201, schema: 'Offer', description: 'The offer, pending' },
            path: ['DisputeId'],
            errors: [404, 409],
        }),
        '/disputes/{id}/offers/{offerId}/accept': answerOffer(
            'accept',
            'Resolves the dispute by agreement. After this the dispute can never be reopened.'
        ),
        '/disputes/{id}/offers/{offerId}/reject': answerOffer(
            'reject',
            'The dispute stays in negotiation; the seller may make another offer or the buyer escalate.'
        ),
        '/disputes/{id}/escalate': buyerAction(
            'escalate',
            'The buyer escalates to the platform',
            'From negotiating, no earlier than policy.buyerEscalationAfterDays after opening (422 before); ' +
                'starts the review SLA (policy.slaTargetDays, hard limit policy.slaHardLimitDays).',
            []
        ),
        '/disputes/{id}/withdraw': buyerAction(
            'withdraw',
            'The buyer withdraws (satisfied)',
            'Allowed in any state before a ruling; the dispute ends as withdrawn.',
            []
        ),
        '/disputes/{id}/messages': post({
            operationId: 'postMessage',
            summary: "A party's message",
            description:
                "Seen by staff and both parties, on the dispute's timeline. It answers every open evidence " +
                'request asking this party (a request to both parties needs both); when none is left open the ' +
                'dispute returns to review, or to the queue when nobody holds it. Refused (409) once the dispute ' +
                'is decided, closed, resolved or withdrawn.',
            party: 'either',
            body: 'PartyMessage',
            bodyRequired: true,
            ok: { status: 201, schema: 'Message', description: 'The message' },
            path: ['DisputeId'],
            errors: [404, 409],
        }),
        '/disputes/{id}/attachments': uploadOperation(),
        '/disputes/{id}/return-shipped': post({
            operationId: 'returnShipped',
            summary: 'The buyer shipped the goods back',
            description:
                'When a ruling ordered the goods returned, its refund waits for this: the tracking number is kept ' +
                'on the ruling and the refund to the original payment method is requested (`refund.requested`). ' +
                '409 when the dispute is not waiting for a return, or the return was already reported.',
            party: 'buyer',
            body: 'ReturnShipped',
            bodyRequired: true,
            ok: { status: 201, schema: 'Refund', description: 'The refund, requested' },
            path: ['DisputeId'],
            errors: [404, 409],
        }),
        '/refunds/{refundId}/completed': post({
            operationId: 'refundCompleted',
            summary: 'The refund was paid out',
            description:
                'Completes the refund; a decided dispute is closed (`dispute.closed`). Reporting a completed ' +
                'refund again changes nothing and answers the refund as it is.',
            party: 'marketplace',
            body: 'RefundCompleted',
            bodyRequired: false,
            ok: { status: 200, schema: 'Refund', description: 'The refund, completed' },
            path: ['RefundId'],
            errors: [404, 409],
            tags: ['refunds'],
        }),
        '/disputes/{id}/reopen': buyerAction(
            'reopen',
            'The buyer reopens a resolved or withdrawn dispute',
            "Allowed while the order is protected and never after the buyer accepted the seller's offer (422).",
            []
        ),
    },
    components: {
        securitySchemes: {
            integrationKey: {
                type: 'http',
                scheme: 'bearer',
                description: 'Authorization: Bearer <INTEGRATION_API_KEY>',
            },
        },
        parameters: {
            IdempotencyKey: {
                name: 'Idempotency-Key',
                in: 'header',
                required: true,
                description:
                    'Unique per intended effect, scoped to the route. Same key and body: the first answer is ' +
                    'replayed; same key, another body: 422.',
                schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH },
            },
            DisputeId: pathId('id', 'The dispute id given by this API when the dispute was opened'),
            OfferId: pathId('offerId', 'The offer id given by this API when the offer was made'),
            RefundId: pathId('refundId', 'The refund id announced by the `refund.requested` webhook'),
        },
        headers: {
            IdempotentReplayed: {
                description:
                    'Present (true) when this is the stored answer to an earlier request with the same key',
                schema: { type: 'string', enum: ['true'] },
            },
        },
        schemas: {
            OpenDispute: jsonSchema(openDisputeSchema, 'input'),
            SellerOffer: jsonSchema(sellerOfferSchema, 'input'),
            PartyAction: jsonSchema(partyActionSchema, 'input'),
            Dispute: jsonSchema(integrationDisputeSchema, 'output'),
            Offer: jsonSchema(integrationOfferSchema, 'output'),
            PartyMessage: jsonSchema(partyMessageSchema, 'input'),
            Message: jsonSchema(integrationMessageSchema, 'output'),
            ReturnShipped: jsonSchema(returnShippedSchema, 'input'),
            RefundCompleted: jsonSchema(refundCompletedSchema, 'input'),
            Refund: jsonSchema(integrationRefundSchema, 'output'),
            EvidenceUpload: {
                type: 'object',
                required: ['party', 'file'],
                properties: {
                    party: { type: 'string', enum: ['buyer', 'seller'] },
                    file: { type: 'array', items: { type: 'string', format: 'binary' }, minItems: 1 },
                },
            },
            Attachments: { type: 'array', items: jsonSchema(integrationAttachmentSchema, 'output') },
            Error: jsonSchema(errorResponseSchema, 'output'),
        },
    },
};
