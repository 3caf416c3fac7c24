/**
 * The building blocks of the integration API's OpenAPI description (openapi.ts): JSON Schemas of
 * the shared zod schemas, and one idempotent POST operation with its documented answers.
 */
import { z } from 'zod';
import { REPLAYED_HEADER } from '../http/idempotency';

/** JSON Schema 2020-12 (what OpenAPI 3.1 uses) of a zod schema, as a component. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
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

export function post(spec: PostSpec) {
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

export function buyerAction(verb: string, summary: string, description: string, errors: number[]) {
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

export function answerOffer(verb: 'accept' | 'reject', description: string) {
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
export function uploadOperation() {
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

export const pathId = (name: string, description: string) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'integer', minimum: 1 },
});
