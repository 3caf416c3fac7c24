import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, addHours } from '../../shared/policy';
import { Dispute } from '../../server/src/entities';
import { runDueJobs } from '../../server/src/jobs/scheduler';
import { slaTargetBreachJob } from '../../server/src/jobs/slaBreaches';
import { buildDispute, buildEvidenceRequest } from '../helpers/factories';
import { auditOf, lifecycleOf, shownDispute, shifted, storedDispute } from '../helpers/jobs';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set(TEST_NOW));

const policy = () => ctx.config.policy;

async function breachActions(id: number): Promise<string[]> {
    return (await auditOf(ctx, 'dispute', id)).map((e) => e.action);
}

/** A dispute in review, escalated at TEST_NOW (so its SLA runs from there). */
function inReview(overrides: Partial<Dispute> = {}) {
    return buildDispute(ctx.dataSource, { status: 'in_review', escalatedAt: TEST_NOW, ...overrides });
}

describe('SLA breaches', () => {
    it('flags the target one minute after it passed, not one minute before, audited once, status unchanged', async () => {
        const dispute = await inReview();
        const due = addDays(TEST_NOW, policy().slaTargetDays);
        expect(dispute.slaDueAt).toEqual(due);

        ctx.clock.set(shifted(due, 0, -1));
        await runDueJobs(ctx);
        expect(await shownDispute(ctx, dispute.id)).toMatchObject({ slaTargetBreachedAt: null });

        const now = shifted(due, 0, 1);
        ctx.clock.set(now);
        await runDueJobs(ctx);
        await runDueJobs(ctx);
        expect(await shownDispute(ctx, dispute.id)).toMatchObject({
            status: 'in_review',
            version: dispute.version,
            slaTargetBreachedAt: now.toISOString(),
            slaHardBreachedAt: null,
        });
        const audit = await auditOf(ctx, 'dispute', dispute.id);
        expect(audit.map((e) => [e.action, e.actorRole])).toEqual([
            ['dispute.sla_target_breached', 'system'],
        ]);
        expect(audit[0].after).toMatchObject({
            status: 'in_review',
            slaTargetBreachedAt: now.toISOString(),
        });
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['sla_target_breached', 'in_review', 'in_review', 'system'],
        ]);
    });

    it('flags the hard limit one minute after it passed, not one minute before', async () => {
        const dispute = await inReview();
        const hard = addDays(TEST_NOW, policy().slaHardLimitDays);

        ctx.clock.set(shifted(hard, 0, -1));
        await runDueJobs(ctx);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ slaHardBreachedAt: null });
        expect(await breachActions(dispute.id)).toEqual(['dispute.sla_target_breached']);

        const now = shifted(hard, 0, 1);
        ctx.clock.set(now);
        await runDueJobs(ctx);
        await runDueJobs(ctx);
        expect(await shownDispute(ctx, dispute.id)).toMatchObject({
            status: 'in_review',
            slaHardBreachedAt: now.toISOString(),
        });
        expect(await breachActions(dispute.id)).toEqual([
            'dispute.sla_target_breached',
            'dispute.sla_hard_limit_breached',
        ]);
    });

    it('audits each breach once when several runs race', async () => {
        const disputes = await Promise.all([1, 2, 3].map(() => inReview({ status: 'escalated' })));
        ctx.clock.set(shifted(TEST_NOW, policy().slaHardLimitDays, 1));
        await Promise.all([
            runDueJobs(ctx),
            runDueJobs(ctx),
            runDueJobs(ctx, { holder: 'process-b' }),
            runDueJobs(ctx, { holder: 'process-c' }),
        ]);
        // Racing runs may record the two breaches in either order; each exactly once.
        for (const { id } of disputes) {
            expect((await breachActions(id)).sort()).toEqual([
                'dispute.sla_hard_limit_breached',
                'dispute.sla_target_breached',
            ]);
        }
    });

    it('does not breach a paused SLA; once resumed the deadlines have moved by the pause', async () => {
        const pausedAt = addDays(TEST_NOW, 1);
        const dispute = await inReview({ status: 'awaiting_evidence', slaPausedAt: pausedAt });
        const request = await buildEvidenceRequest(ctx.dataSource, {
            disputeId: dispute.id,
            createdAt: pausedAt,
            dueAt: addDays(pausedAt, policy().slaTargetDays + 2),
            reminderSentAt: pausedAt,
        });
        ctx.clock.set(shifted(request.dueAt, 0, -1));
        await runDueJobs(ctx);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ slaTargetBreachedAt: null });

        const resumedAt = shifted(request.dueAt, 0, 1);
        ctx.clock.set(resumedAt);
        await runDueJobs(ctx);
        const resumed = await storedDispute(ctx, dispute.id);
        const shiftedDue = new Date(dispute.slaDueAt!.getTime() + resumedAt.getTime() - pausedAt.getTime());
        expect(resumed).toMatchObject({ status: 'escalated', slaPausedAt: null, slaDueAt: shiftedDue });
        expect(resumed.slaTargetBreachedAt).toBeNull();

        ctx.clock.set(shifted(shiftedDue, 0, -1));
        await runDueJobs(ctx);
        expect(await breachActions(dispute.id)).toEqual(['dispute.evidence_expired']);
        ctx.clock.set(shifted(shiftedDue, 0, 1));
        await runDueJobs(ctx);
        expect(await breachActions(dispute.id)).toEqual([
            'dispute.evidence_expired',
            'dispute.sla_target_breached',
        ]);
    });

    it('never flags a dispute outside platform review, nor one decided after it was found due', async () => {
        const decided = await buildDispute(ctx.dataSource, { status: 'decided', escalatedAt: TEST_NOW });
        const racing = await inReview();
        const now = shifted(TEST_NOW, policy().slaTargetDays, 1);
        ctx.clock.set(now);
        const run = { context: ctx, policy: policy(), now, batchSize: 10, renew: async () => true };
        const due = await slaTargetBreachJob.findDue(run, decided.id - 1, 10);
        expect(due).toContain(racing.id);
        expect(due).not.toContain(decided.id);
        await ctx.dataSource.getRepository(Dispute).update(racing.id, { status: 'decided', version: 2 });
        expect(await slaTargetBreachJob.apply(run, racing.id)).toBe(false);
        await runDueJobs(ctx);
        for (const { id } of [decided, racing]) {
            expect(await storedDispute(ctx, id)).toMatchObject({ slaTargetBreachedAt: null });
            expect(await breachActions(id)).toEqual([]);
        }
    });

    it('keeps the flag as history when the dispute later leaves review', async () => {
        const dispute = await inReview({ slaDueAt: addHours(TEST_NOW, 1) });
        ctx.clock.set(addHours(TEST_NOW, 2));
        await runDueJobs(ctx);
        await ctx.dataSource.getRepository(Dispute).update(dispute.id, { status: 'decided' });
        await runDueJobs(ctx);
        expect((await storedDispute(ctx, dispute.id)).slaTargetBreachedAt).toEqual(addHours(TEST_NOW, 2));
        expect(await breachActions(dispute.id)).toEqual(['dispute.sla_target_breached']);
    });
});
