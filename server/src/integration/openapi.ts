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
import { answerOffer, buyerAction, jsonSchema, pathId, post, uploadOperation } from './openapiOperations';
import { REPLAYED_HEADER } from '../http/idempotency';

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
