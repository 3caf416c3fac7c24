/** QA sampling of decisions: the request bodies, validated on the server and used by the SPA's forms. */
import { z } from 'zod';
import { DISPUTE_REASONS, OUTCOMES } from '../domain';
import type { Policy } from '../policy';
import { int, isoDate, text } from './recordFields';
import { multiLineText } from './text';

export const QA_VERDICTS = ['agree', 'disagree'] as const;
export type QaVerdict = (typeof QA_VERDICTS)[number];

export const QA_COMMENT_MAX_LENGTH = 2000;

const day = (name: string) =>
    z
        .string({ message: 'must be a day as YYYY-MM-DD' })
        .regex(/^\d{4}-\d\d-\d\d$/, 'must be a day as YYYY-MM-DD')
        .refine((value) => {
            const time = Date.parse(`${value}T00:00:00Z`);
            return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
        }, `${name} must be a real day`);

/** `POST /api/qa-samples`: draw `size` decisions issued between the days `from` and `to` (inclusive). */
export function qaSampleSchema(policy: Pick<Policy, 'qaSampleMaxSize'>) {
    const max = policy.qaSampleMaxSize;
    return z
        .strictObject({
            from: day('from'),
            to: day('to'),
            size: z
                .number({ message: 'must be a whole number' })
                .int('must be a whole number')
                .min(1, 'must be at least 1')
                .max(max, `must be at most ${max}`),
        })
        .refine((body) => body.from <= body.to, { path: ['from'], message: 'must not come after "to"' });
}
export type QaSampleInput = z.infer<ReturnType<typeof qaSampleSchema>>;

/** `POST /api/qa-reviews/:id/verdict`: agree, or disagree with a comment saying why. */
export const qaVerdictSchema = z
    .strictObject({
        verdict: z.enum(QA_VERDICTS, { message: 'must be agree or disagree' }),
        comment: multiLineText()
            .trim()
            .max(QA_COMMENT_MAX_LENGTH, `must be at most ${QA_COMMENT_MAX_LENGTH} characters`)
            .optional(),
    })
    .refine((body) => body.verdict !== 'disagree' || (body.comment ?? '') !== '', {
        path: ['comment'],
        message: 'is required when you disagree',
    });
export type QaVerdictInput = z.infer<typeof qaVerdictSchema>;

/** `qa-reviews`: a sampled decision, its reviewer's verdict, and what the reviewer sees of the decision. */
export const qaReviewRecordSchema = z.strictObject({
    id: int,
    decisionId: int,
    reviewerId: int,
    sampleId: text,
    verdict: z.enum(QA_VERDICTS).nullable(),
    comment: text.nullable(),
    createdAt: isoDate,
    answeredAt: isoDate.nullable(),
    answered: z.boolean(),
    reviewerName: text.nullable(),
    disputeId: int.nullable(),
    mediatorId: int.nullable(),
    mediatorName: text.nullable(),
    outcome: z.enum(OUTCOMES).nullable(),
    reason: z.enum(DISPUTE_REASONS).nullable(),
    refundAmount: int.nullable(),
    refundPercent: int.nullable(),
    currency: text.nullable(),
    decisionStatus: text.nullable(),
    issuedAt: isoDate.nullable(),
});
export type QaReviewRecord = z.infer<typeof qaReviewRecordSchema>;
