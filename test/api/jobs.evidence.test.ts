import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, addDays, addHours } from '../../shared/policy';
import { Dispute, EvidenceRequest } from '../../server/src/entities';
import { pauseSla, resumeSla, startSla } from '../../server/src/disputes/slaClock';
import { evidenceExpiryJob } from '../../server/src/jobs/evidenceExpiry';
import { runDueJobs } from '../../server/src/jobs/scheduler';
import { buildDispute, buildEvidenceRequest, buildStaff } from '../helpers/factories';
import { auditOf, lifecycleOf, listedFor, shownDispute, shifted, storedDispute } from '../helpers/jobs';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set(TEST_NOW));

const policy = () => ctx.config.policy;

/**
 * A dispute escalated two days ago whose SLA clock stopped a day ago, when evidence was asked
 * for with the default deadline.
 */
async function awaitingEvidence(assigned: boolean) {
    const escalatedAt = addDays(TEST_NOW, -2);
    const pausedAt = addDays(TEST_NOW, -1);
    const assignee = assigned ? await buildStaff(ctx.dataSource) : null;
    const dispute = await buildDispute(ctx.dataSource, {
        status: 'awaiting_evidence',
        escalatedAt,
        ...startSla(escalatedAt, policy()),
        slaPausedAt: pausedAt,
        assigneeId: assignee?.id ?? null,
        assignedAt: assignee ? escalatedAt : null,
    });
    const request = await buildEvidenceRequest(ctx.dataSource, {
        disputeId: dispute.id,
        createdAt: pausedAt,
        dueAt: addHours(pausedAt, policy().evidenceDeadlineDefaultHours),
        reminderSentAt: pausedAt,
    });
    return { dispute, request, pausedAt };
}

describe('evidence deadline', () => {
    it('expires the request one minute after its deadline, not one minute before; back to review, SLA resumed', async () => {
        const { dispute, request, pausedAt } = await awaitingEvidence(true);

        ctx.clock.set(shifted(request.dueAt, 0, -1));
        await runDueJobs(ctx);
        expect(await listedFor(ctx, 'evidence-requests', dispute.id)).toEqual([
            expect.objectContaining({ id: request.id, status: 'open' }),
        ]);
        expect(await shownDispute(ctx, dispute.id)).toMatchObject({
            status: 'awaiting_evidence',
            slaPausedAt: pausedAt.toISOString(),
            slaDueAt: dispute.slaDueAt!.toISOString(),
        });

        const now = shifted(request.dueAt, 0, 1);
        ctx.clock.set(now);
        await runDueJobs(ctx);
        expect(await listedFor(ctx, 'evidence-requests', dispute.id)).toEqual([
            expect.objectContaining({ id: request.id, status: 'expired', fulfilledAt: null }),
        ]);
        const stoppedFor = now.getTime() - pausedAt.getTime();
        expect(await shownDispute(ctx, dispute.id)).toMatchObject({
            status: 'in_review',
            assigneeId: dispute.assigneeId,
            slaPausedAt: null,
            slaDueAt: new Date(dispute.slaDueAt!.getTime() + stoppedFor).toISOString(),
            slaHardDueAt: new Date(dispute.slaHardDueAt!.getTime() + stoppedFor).toISOString(),
        });
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['evidence_expired', 'awaiting_evidence', 'in_review', 'system'],
        ]);
        expect((await auditOf(ctx, 'dispute', dispute.id)).map((e) => [e.action, e.actorRole])).toEqual([
            ['dispute.evidence_expired', 'system'],
        ]);
        const requestAudit = await auditOf(ctx, 'evidence_request', request.id);
        expect(requestAudit.map((e) => [e.action, e.before?.status, e.after?.status])).toEqual([
            ['evidence_request.expired', 'open', 'expired'],
        ]);

        await runDueJobs(ctx);
        expect(await lifecycleOf(ctx, dispute.id)).toHaveLength(1);
        expect(await auditOf(ctx, 'evidence_request', request.id)).toHaveLength(1);
    });

    it('returns an unassigned dispute to the queue', async () => {
        const { dispute, request } = await awaitingEvidence(false);
        ctx.clock.set(shifted(request.dueAt, 0, 1));
        await runDueJobs(ctx);
        expect(await shownDispute(ctx, dispute.id)).toMatchObject({ status: 'escalated', assigneeId: null });
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['evidence_expired', 'awaiting_evidence', 'escalated', 'system'],
        ]);
    });

    it('keeps waiting, with the SLA stopped, while another request is still open', async () => {
        const { dispute, request, pausedAt } = await awaitingEvidence(true);
        const later = await buildEvidenceRequest(ctx.dataSource, {
            disputeId: dispute.id,
            requestedFrom: 'seller',
            createdAt: pausedAt,
            dueAt: addDays(request.dueAt, 1),
            reminderSentAt: pausedAt,
        });
        ctx.clock.set(shifted(request.dueAt, 0, 1));
        await runDueJobs(ctx);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({
            status: 'awaiting_evidence',
            slaPausedAt: pausedAt,
        });
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['evidence_request_expired', 'awaiting_evidence', 'awaiting_evidence', 'system'],
        ]);
        expect((await auditOf(ctx, 'evidence_request', request.id)).map((e) => e.action)).toEqual([
            'evidence_request.expired',
        ]);

        const now = shifted(later.dueAt, 0, 1);
        ctx.clock.set(now);
        await runDueJobs(ctx);
        const resumed = await storedDispute(ctx, dispute.id);
        expect(resumed).toMatchObject({ status: 'in_review', slaPausedAt: null });
        expect(resumed.slaDueAt!.getTime()).toBe(
            dispute.slaDueAt!.getTime() + now.getTime() - pausedAt.getTime()
        );
        const statuses = await ctx.dataSource
            .getRepository(EvidenceRequest)
            .findBy({ disputeId: dispute.id });
        expect(statuses.map((r) => r.status)).toEqual(['expired', 'expired']);
    });

    it('does not touch a fulfilled request, nor a dispute answered after it was found due', async () => {
        const { dispute, request } = await awaitingEvidence(true);
        const now = shifted(request.dueAt, 0, 1);
        ctx.clock.set(now);
        const run = { context: ctx, policy: policy(), now, batchSize: 10, renew: async () => true };
        expect(await evidenceExpiryJob.findDue(run, dispute.id - 1, 1)).toEqual([dispute.id]);
        await ctx.dataSource
            .getRepository(EvidenceRequest)
            .update(request.id, { status: 'fulfilled', fulfilledAt: now, buyerAnswered: true });
        await ctx.dataSource
            .getRepository(Dispute)
            .update(dispute.id, { status: 'in_review', slaPausedAt: null, version: 2 });

        expect(await evidenceExpiryJob.apply(run, dispute.id)).toBe(false);
        await runDueJobs(ctx);
        expect(await listedFor(ctx, 'evidence-requests', dispute.id)).toEqual([
            expect.objectContaining({ status: 'fulfilled' }),
        ]);
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([]);
        expect(await auditOf(ctx, 'evidence_request', request.id)).toEqual([]);
    });

    it('expires a request of a dispute that left awaiting_evidence, without moving the dispute', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'withdrawn' });
        const request = await buildEvidenceRequest(ctx.dataSource, { disputeId: dispute.id });
        ctx.clock.set(shifted(request.dueAt, 0, 1));
        await runDueJobs(ctx);
        expect(await listedFor(ctx, 'evidence-requests', dispute.id)).toEqual([
            expect.objectContaining({ status: 'expired' }),
        ]);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ status: 'withdrawn', version: 1 });
    });
});

describe('SLA clock arithmetic', () => {
    const escalatedAt = new Date('2026-03-01T08:00:00.000Z');
    const sla = startSla(escalatedAt, DEFAULT_POLICY);

    it('starts at the target and the hard limit from escalation, running and not breached', () => {
        expect(sla).toEqual({
            slaDueAt: addDays(escalatedAt, DEFAULT_POLICY.slaTargetDays),
            slaHardDueAt: addDays(escalatedAt, DEFAULT_POLICY.slaHardLimitDays),
            slaPausedAt: null,
            slaTargetBreachedAt: null,
            slaHardBreachedAt: null,
        });
    });

    it('stops once, and moves both deadlines by the time it stood still when resumed', () => {
        const pausedAt = addHours(escalatedAt, 30);
        const running = { slaDueAt: sla.slaDueAt!, slaHardDueAt: sla.slaHardDueAt!, slaPausedAt: null };
        const paused = { ...running, ...pauseSla(running, pausedAt) };
        expect(paused.slaPausedAt).toEqual(pausedAt);
        expect(pauseSla(paused, addHours(pausedAt, 5))).toEqual({});
        expect(resumeSla(paused, addHours(pausedAt, 50))).toEqual({
            slaDueAt: addHours(sla.slaDueAt!, 50),
            slaHardDueAt: addHours(sla.slaHardDueAt!, 50),
            slaPausedAt: null,
        });
        expect(resumeSla(running, addHours(pausedAt, 50))).toEqual({});
    });
});
