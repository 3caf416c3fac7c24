/**
 * The marketplace's integration API (/integration/v1): request bodies, validated on the server,
 * and the records it answers with. The OpenAPI document is generated from these schemas.
 */
import { z } from 'zod';
import {
    DISPUTE_REASONS,
    DISPUTE_STATUSES,
    NOT_RECEIVED_REASONS,
    OFFER_STATUSES,
    PARTIES,
    PAYMENT_METHODS,
    RECEIVED_REASONS,
    REFUND_DESTINATIONS,
    REFUND_STATUSES,
    REQUESTED_SOLUTIONS,
    RESOLUTIONS,
    type RequestedSolution,
} from '../domain';
import { CURRENCY_CODE, isCurrencyCode } from '../money';
import { DAY_MS, EARLIEST_PLAUSIBLE_DATE, LATEST_PLAUSIBLE_DAYS_AHEAD } from '../policy';
import { multiLineText, singleLineText } from './text';

/** Largest amount an integer column holds on every engine (PostgreSQL's integer is 32-bit). */
export const MAX_MINOR_UNITS = 2_147_483_647;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

const text = singleLineText;

const externalId = text()
    .trim()
    .min(1, 'is required')
    .max(64, 'must be at most 64 characters')
    .meta({ description: "The marketplace's own id of the record" });
/**
 * Why an instant is not plausible for an order, or null: not before EARLIEST_PLAUSIBLE_DATE and not
 * more than LATEST_PLAUSIBLE_DAYS_AHEAD days after `now` (the server's clock; protection ends a few
 * months ahead at most). The ISO format itself (a real calendar day) is checked by zod.
 */
export function implausibleDate(value: string, now = new Date()): string | null {
    const time = Date.parse(value);
    if (time < Date.parse(EARLIEST_PLAUSIBLE_DATE)) return `must not be before ${EARLIEST_PLAUSIBLE_DATE}`;
    if (time > now.getTime() + LATEST_PLAUSIBLE_DAYS_AHEAD * DAY_MS)
        return `must not be more than ${LATEST_PLAUSIBLE_DAYS_AHEAD} days in the future`;
    return null;
}

const timestamp = z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
    .superRefine((value, ctx) => {
        const problem = implausibleDate(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .meta({
        description: `ISO 8601, from ${EARLIEST_PLAUSIBLE_DATE} to ${LATEST_PLAUSIBLE_DAYS_AHEAD} days ahead`,
    });
const currency = z
    .string()
    .regex(CURRENCY_CODE, 'must be an ISO 4217 code such as USD')
    .refine(isCurrencyCode, 'must be an ISO 4217 currency code such as USD')
    .meta({ description: 'ISO 4217 code of a circulating currency (not XXX, XTS, metals or funds)' });
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as DE');
const minorUnits = z.number().int('must be an integer in minor units').max(MAX_MINOR_UNITS, 'is too large');
const MINOR_UNITS = 'Integer amount in the minor unit of the currency (cents; yen for JPY)';
const note = multiLineText().trim().max(2000, 'must be at most 2000 characters');

/** Full refunds are for the whole order total; partial ones for less. */
export function isFullRefund(solution: RequestedSolution): boolean {
    return solution === 'full_refund_keep' || solution === 'full_refund_return';
}

/** Why an amount does not fit a solution on an order of this total, or null when it does. */
export function amountProblem(solution: RequestedSolution, amount: number, total: number): string | null {
    if (amount > total) return `must not exceed the order total (${total})`;
    if (isFullRefund(solution) && amount !== total)
        return `must be the order total (${total}) for ${solution}`;
    if (!isFullRefund(solution) && amount === total)
        return `must be less than the order total for ${solution}`;
    return null;
}

export const orderSnapshotSchema = z
    .strictObject({
        externalId,
        productTitle: text().trim().min(1, 'is required').max(300),
        quantity: z.number().int().min(1).max(1_000_000),
        unitPrice: minorUnits.min(0).meta({ description: MINOR_UNITS }),
        total: minorUnits
            .min(1, 'must be positive')
            .meta({ description: `${MINOR_UNITS}; exactly quantity × unitPrice` }),
        currency,
        paymentMethod: z.enum(PAYMENT_METHODS),
        shippedAt: timestamp
            .nullable()
            .meta({ description: 'Null while not shipped: no dispute can be opened then' }),
        trackingNumber: text().trim().min(1).max(64).nullable(),
        completedAt: timestamp
            .nullable()
            .meta({ description: 'When the buyer confirmed receipt; null before' }),
        protectionEndsAt: timestamp.meta({
            description: "End of the order's buyer protection (may be extended)",
        }),
    })
    .superRefine(({ quantity, unitPrice, total }, ctx) => {
        if (quantity * unitPrice !== total) {
            ctx.addIssue({
                code: 'custom',
                path: ['total'],
                message: `must equal quantity × unitPrice (${quantity} × ${unitPrice} = ${quantity * unitPrice})`,
            });
        }
    });

/** A party's orders on the marketplace so far, this one included: the base of its dispute rate. */
const ordersCount = z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1 (this order)')
    .max(MAX_MINOR_UNITS)
    .optional()
    .meta({ description: "Optional: the party's orders on the marketplace so far, this one included" });

export const buyerSnapshotSchema = z.strictObject({
    externalId,
    name: text().trim().min(1, 'is required').max(120),
    country,
    ordersCount,
});

export const sellerSnapshotSchema = z.strictObject({
    externalId,
    storeName: text().trim().min(1, 'is required').max(120),
    country,
    ordersCount,
});

export const claimSchema = z.strictObject({
    goodsReceived: z.boolean(),
    reason: z.enum(DISPUTE_REASONS),
    requestedSolution: z.enum(REQUESTED_SOLUTIONS),
    requestedAmount: minorUnits.min(1, 'must be positive').meta({
        description: `${MINOR_UNITS}; at most the order total, exactly the total for a full refund`,
    }),
    currency: currency.optional().meta({ description: "Optional; when given, the order's currency" }),
    description: multiLineText().trim().min(1, 'is required').max(5000),
});

export const openDisputeSchema = z
    .strictObject({
        order: orderSnapshotSchema,
        buyer: buyerSnapshotSchema,
        seller: sellerSnapshotSchema,
        claim: claimSchema,
    })
    .superRefine(({ order, claim }, ctx) => {
        const issue = (field: string, message: string) =>
            ctx.addIssue({ code: 'custom', path: ['claim', field], message });
        const reasons: readonly string[] = claim.goodsReceived ? RECEIVED_REASONS : NOT_RECEIVED_REASONS;
        if (!reasons.includes(claim.reason)) {
            issue(
                'reason',
                `goods ${claim.goodsReceived ? 'received' : 'not received'}: must be one of ${reasons.join(', ')}`
            );
        }
        if (!claim.goodsReceived && claim.requestedSolution !== 'full_refund_keep') {
            issue('requestedSolution', 'goods not received: must be full_refund_keep');
        }
        const problem = amountProblem(claim.requestedSolution, claim.requestedAmount, order.total);
        if (problem) issue('requestedAmount', problem);
        if (claim.currency && claim.currency !== order.currency) {
            issue('currency', `must be the order currency (${order.currency})`);
        }
    });
export type OpenDisputeInput = z.infer<typeof openDisputeSchema>;

export const sellerOfferSchema = z.strictObject({
    solution: z.enum(REQUESTED_SOLUTIONS),
    amount: minorUnits.min(1, 'must be positive').meta({
        description: `${MINOR_UNITS}; at most the order total, exactly the total for a full refund`,
    }),
    note: note.optional(),
});
export type SellerOfferInput = z.infer<typeof sellerOfferSchema>;

/** Body of the buyer's actions (accept, reject, escalate, withdraw, reopen); may be empty. */
export const partyActionSchema = z.strictObject({ note: note.optional() });
export type PartyActionInput = z.infer<typeof partyActionSchema>;

const isoDate = z.iso.datetime();

/** A dispute as the marketplace sees it (no staff-internal fields). */
export const integrationDisputeSchema = z.object({
    id: z.number().int(),
    status: z.enum(DISPUTE_STATUSES),
    resolution: z.enum(RESOLUTIONS).nullable(),
    orderId: z.number().int(),
    orderExternalId: z.string(),
    buyerId: z.number().int(),
    buyerExternalId: z.string(),
    sellerId: z.number().int(),
    sellerExternalId: z.string(),
    goodsReceived: z.boolean(),
    reason: z.enum(DISPUTE_REASONS),
    requestedSolution: z.enum(REQUESTED_SOLUTIONS),
    requestedAmount: z.number().int(),
    currency: z.string(),
    description: z.string(),
    openedAt: isoDate,
    sellerRespondedAt: isoDate.nullable(),
    escalatedAt: isoDate.nullable(),
    slaDueAt: isoDate.nullable(),
    slaHardDueAt: isoDate.nullable(),
    decidedAt: isoDate.nullable(),
    closedAt: isoDate.nullable(),
    offerAccepted: z.boolean(),
    reopenCount: z.number().int(),
    version: z.number().int(),
});
export type IntegrationDispute = z.infer<typeof integrationDisputeSchema>;

export const integrationOfferSchema = z.object({
    id: z.number().int(),
    disputeId: z.number().int(),
    party: z.enum(PARTIES),
    solution: z.enum(REQUESTED_SOLUTIONS),
    amount: z.number().int(),
    currency: z.string(),
    note: z.string().nullable(),
    status: z.enum(OFFER_STATUSES),
    respondedAt: isoDate.nullable(),
    createdAt: isoDate,
});
export type IntegrationOffer = z.infer<typeof integrationOfferSchema>;

/** A refund as the integration API answers with it. */
export const integrationRefundSchema = z.object({
    id: z.number().int(),
    disputeId: z.number().int(),
    decisionId: z.number().int().nullable(),
    amount: z.number().int(),
    currency: z.string(),
    destination: z.enum(REFUND_DESTINATIONS),
    status: z.enum(REFUND_STATUSES),
    requestedAt: isoDate,
    dueBy: isoDate,
    completedAt: isoDate.nullable(),
    reference: z.string().nullable(),
});
export type IntegrationRefund = z.infer<typeof integrationRefundSchema>;

export const errorResponseSchema = z.object({
    message: z.string(),
    errors: z.record(z.string(), z.string()).optional(),
});
