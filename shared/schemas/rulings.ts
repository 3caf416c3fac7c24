/**
 * Rulings and what follows them, from the console and the integration API: the request bodies,
 * validated on the server and used by the SPA's forms.
 */
import { z } from 'zod';
import { PARTIES } from '../domain';
import type { Policy } from '../policy';
import { multiLineText, singleLineText } from './text';

export const RATIONALE_MAX_LENGTH = 5000;
export const COMMENT_MAX_LENGTH = 2000;
export const MAX_EVIDENCE_IDS = 200;
export const TRACKING_NUMBER_MAX_LENGTH = 64;

const text = (max: number) =>
    multiLineText().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

function rationale(policy: Policy) {
    const min = policy.rationaleMinLength;
    return multiLineText()
        .trim()
        .min(1, 'is required')
        .min(min, `must be at least ${min} characters`)
        .max(RATIONALE_MAX_LENGTH, `must be at most ${RATIONALE_MAX_LENGTH} characters`);
}

/**
 * `POST /api/disputes/:id/decision`. The amount is in the order currency's minor unit; its upper
 * bound (the order total) is checked against the order by `refundAmountProblem`.
 */
export function rulingSchema(policy: Policy) {
    return z.strictObject({
        refundAmount: z
            .number({ message: 'must be a whole number of minor units' })
            .int('must be a whole number of minor units')
            .min(0, 'must not be negative')
            .max(Number.MAX_SAFE_INTEGER, 'is too large'),
        returnRequired: z.boolean({ message: 'must be true or false' }),
        /** Who pays the return shipping; the buyer unless the ruling says otherwise. */
        returnShippingPaidBy: z.enum(PARTIES, { message: 'must be buyer or seller' }).optional(),
        rationaleBuyer: rationale(policy),
        rationaleSeller: rationale(policy),
        evidenceIds: z
            .array(z.number().int('must be attachment ids').positive('must be attachment ids'), {
                message: 'must be a list of attachment ids',
            })
            .max(MAX_EVIDENCE_IDS, `must list at most ${MAX_EVIDENCE_IDS} attachments`)
            .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an attachment'),
    });
}
export type RulingInput = z.infer<ReturnType<typeof rulingSchema>>;

/** Why a refund amount does not fit an order of `orderTotal`, or null when it does. */
export function refundAmountProblem(refundAmount: number, orderTotal: number): string | null {
    if (refundAmount > orderTotal) return `must be at most the order total (${orderTotal})`;
    return null;
}

/** `POST /api/decisions/:id/approve`: an optional comment. */
export const approveSchema = z.strictObject({ comment: text(COMMENT_MAX_LENGTH).optional() });
export type ApproveInput = z.infer<typeof approveSchema>;

/** `POST /api/decisions/:id/reject`: the comment the mediator reads on the timeline. */
export const rejectSchema = z.strictObject({ comment: text(COMMENT_MAX_LENGTH) });
export type RejectInput = z.infer<typeof rejectSchema>;

/** `POST /api/decisions/:id/overturn`: why the ruling no longer stands. */
export const overturnSchema = z.strictObject({ reason: text(COMMENT_MAX_LENGTH) });
export type OverturnInput = z.infer<typeof overturnSchema>;

/** `POST /integration/v1/disputes/:id/return-shipped`: the return's tracking number. */
export const returnShippedSchema = z.strictObject({
    trackingNumber: singleLineText()
        .trim()
        .min(1, 'is required')
        .max(TRACKING_NUMBER_MAX_LENGTH, `must be at most ${TRACKING_NUMBER_MAX_LENGTH} characters`),
    carrier: singleLineText().trim().max(64, 'must be at most 64 characters').optional(),
});
export type ReturnShippedInput = z.infer<typeof returnShippedSchema>;

/** `POST /integration/v1/refunds/:id/completed`: the payment provider's reference, if any. */
export const refundCompletedSchema = z.strictObject({
    reference: singleLineText().trim().max(128, 'must be at most 128 characters').optional(),
});
export type RefundCompletedInput = z.infer<typeof refundCompletedSchema>;
