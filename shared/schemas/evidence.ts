/**
 * Evidence requests and messages sent from the console and the integration API: request bodies,
 * validated on the server and used by the SPA's forms.
 */
import { z } from 'zod';
import { EVIDENCE_REQUEST_TARGETS, MESSAGE_VISIBILITIES, PARTIES } from '../domain';
import type { Policy } from '../policy';
import { multiLineText } from './text';

const HOUR_MS = 3_600_000;
export const MESSAGE_MAX_LENGTH = 5000;
export const CANCEL_REASON_MAX_LENGTH = 2000;

const body = (max: number) =>
    multiLineText().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

/** The deadline a request gets when none is given: now plus the policy's default. */
export function defaultDueAt(policy: Policy, now: Date): Date {
    return new Date(now.getTime() + policy.evidenceDeadlineDefaultHours * HOUR_MS);
}

/** Why a deadline is outside the policy's window from `now`, or null when it fits. */
export function dueAtProblem(dueAt: Date, policy: Policy, now: Date): string | null {
    const hours = (dueAt.getTime() - now.getTime()) / HOUR_MS;
    if (hours < policy.evidenceDeadlineMinHours)
        return `must be at least ${policy.evidenceDeadlineMinHours} hours from now`;
    if (hours > policy.evidenceDeadlineMaxHours)
        return `must be at most ${policy.evidenceDeadlineMaxHours} hours from now`;
    return null;
}

/**
 * `POST /api/disputes/:id/evidence-requests`: who is asked, what, and by when (default: the
 * policy's deadline; within its minimum and maximum hours from `now`).
 */
export function evidenceRequestSchema(policy: Policy, now: Date) {
    return z
        .strictObject({
            from: z.enum(EVIDENCE_REQUEST_TARGETS, { message: 'must be buyer, seller or both' }),
            message: body(MESSAGE_MAX_LENGTH),
            dueAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
        })
        .superRefine((value, ctx) => {
            if (value.dueAt === undefined) return;
            const problem = dueAtProblem(new Date(value.dueAt), policy, now);
            if (problem) ctx.addIssue({ code: 'custom', path: ['dueAt'], message: problem });
        })
        .transform((value) => ({
            ...value,
            dueAt: value.dueAt === undefined ? defaultDueAt(policy, now) : new Date(value.dueAt),
        }));
}
export type EvidenceRequestInput = z.output<ReturnType<typeof evidenceRequestSchema>>;

/** `POST /api/evidence-requests/:id/cancel`. */
export const cancelEvidenceRequestSchema = z.strictObject({ reason: body(CANCEL_REASON_MAX_LENGTH) });
export type CancelEvidenceRequestInput = z.infer<typeof cancelEvidenceRequestSchema>;

/** `POST /api/disputes/:id/messages`: both parties, one of them, or an internal note. */
export const staffMessageSchema = z.strictObject({
    visibility: z.enum(MESSAGE_VISIBILITIES, { message: 'must be both, buyer, seller or internal' }),
    body: body(MESSAGE_MAX_LENGTH),
});
export type StaffMessageInput = z.infer<typeof staffMessageSchema>;

/** `POST /integration/v1/disputes/:id/messages`: a party's message. */
export const partyMessageSchema = z.strictObject({
    party: z.enum(PARTIES, { message: 'must be buyer or seller' }),
    body: body(MESSAGE_MAX_LENGTH),
});
export type PartyMessageInput = z.infer<typeof partyMessageSchema>;

/** A message as the integration API answers with it. */
export const integrationMessageSchema = z.strictObject({
    id: z.number().int(),
    disputeId: z.number().int(),
    authorKind: z.enum(PARTIES),
    visibility: z.enum(MESSAGE_VISIBILITIES),
    body: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
});
export type IntegrationMessage = z.infer<typeof integrationMessageSchema>;
