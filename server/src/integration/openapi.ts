import { z } from 'zod';
import {
    errorResponseSchema,
    IDEMPOTENCY_KEY_MAX_LENGTH,
    integrationDisputeSchema,
    integrationOfferSchema,
    openDisputeSchema,
    partyActionSchema,
    sellerOfferSchema,
} from '../../../shared/schemas/integration';
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
    404: 'No such dispute or offer',
    409: 'The action is not allowed in the dispute’s current state (the message names the state and the allowed actions), or a request with this Idempotency-Key is still in progress',
    422: 'A domain rule refuses it (a window of time, protection, an open dispute, a blocked buyer …), or the Idempotency-Key was used with a different body',
};

interface PostSpec {
    operationId: string;
    summary: string;
    description: string;
    party: 'buyer' | 'seller';
    body: string;
    bodyRequired: boolean;
    ok: { status: 200 | 201; schema: string; description: string };
    path: ('DisputeId' | 'OfferId')[];
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
            tags: ['disputes'],
            summary: spec.summary,
            description: `${spec.description}\n\nActs for the ${spec.party}.`,
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
            Error: jsonSchema(errorResponseSchema, 'output'),
        },
    },
};
