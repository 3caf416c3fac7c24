import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Dispute, JobLease } from '../../server/src/entities';
import { autoEscalationJob } from '../../server/src/jobs/autoEscalation';
import { runJob, type JobRun } from '../../server/src/jobs/job';
import { claimLease, releaseLease } from '../../server/src/jobs/jobLease';
import {
    DEADLINE_JOBS,
    jobsIntervalSeconds,
    runDueJobs,
    startScheduler,
} from '../../server/src/jobs/scheduler';
import { buildDispute } from '../helpers/factories';
import { lifecycleOf, MINUTE, shifted, storedDispute } from '../helpers/jobs';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set(TEST_NOW));

const policy = () => ctx.config.policy;

/** Negotiations opened now, due for automatic escalation once the clock moves past the window. */
async function negotiations(count: number): Promise<Dispute[]> {
    const openedAt = ctx.clock.now();
    const disputes: Dispute[] = [];
    for (let i = 0; i < count; i++)
        disputes.push(await buildDispute(ctx.dataSource, { status: 'negotiating', openedAt }));
    return disputes;
}

function pastEscalation() {
    ctx.clock.set(shifted(ctx.clock.now(), policy().autoEscalationDays, 1));
}

describe('job leases', () => {
    it('lets one holder at a time run a job, until it releases the lease or the lease expires', async () => {
        const now = ctx.clock.now();
        const ttl = 2 * MINUTE;
        expect(await claimLease(ctx.dataSource, 'test.a', 'holder-a', now, ttl)).toBe(true);
        expect(await claimLease(ctx.dataSource, 'test.a', 'holder-b', now, ttl)).toBe(false);
        expect(await claimLease(ctx.dataSource, 'test.a', 'holder-a', shifted(now, 0, 1), ttl)).toBe(true);
        expect(await claimLease(ctx.dataSource, 'test.a', 'holder-b', shifted(now, 0, 2), ttl)).toBe(false);
        expect(await claimLease(ctx.dataSource, 'test.a', 'holder-b', shifted(now, 0, 4), ttl)).toBe(true);

        await releaseLease(ctx.dataSource, 'test.a', 'holder-a', shifted(now, 0, 4));
        expect(await claimLease(ctx.dataSource, 'test.a', 'holder-a', shifted(now, 0, 4), ttl)).toBe(false);
        await releaseLease(ctx.dataSource, 'test.a', 'holder-b', shifted(now, 0, 5));
        expect(
            await ctx.dataSource.getRepository(JobLease).findOneByOrFail({ name: 'test.a' })
        ).toMatchObject({
            holder: null,
            leaseUntil: null,
            lastRunAt: shifted(now, 0, 5),
        });
        expect(await claimLease(ctx.dataSource, 'test.a', 'holder-a', shifted(now, 0, 5), ttl)).toBe(true);
    });

    it('gives a new lease to exactly one of many racing holders', async () => {
        const results = await Promise.all(
            Array.from({ length: 12 }, (_, i) =>
                claimLease(ctx.dataSource, 'test.race', `holder-${i}`, ctx.clock.now(), MINUTE)
            )
        );
        expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('skips every job whose lease another process holds, and runs them once it has expired', async () => {
        const [dispute] = await negotiations(1);
        pastEscalation();
        for (const job of DEADLINE_JOBS)
            await claimLease(
                ctx.dataSource,
                `deadlines.${job.name}`,
                'other-process',
                ctx.clock.now(),
                MINUTE
            );

        const report = await runDueJobs(ctx);
        expect(Object.values(report).map((r) => r.status)).toEqual(DEADLINE_JOBS.map(() => 'skipped'));
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ status: 'negotiating' });

        ctx.clock.set(shifted(ctx.clock.now(), 0, 2));
        const later = await runDueJobs(ctx);
        expect(later.auto_escalation).toMatchObject({ status: 'done', failed: 0 });
        expect(later.auto_escalation.applied).toBeGreaterThanOrEqual(1);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ status: 'escalated' });
    });
});

describe('racing runs', () => {
    it('escalates each dispute once when two processes run the job at the same moment, past their leases', async () => {
        const disputes = await negotiations(6);
        pastEscalation();
        const run = (): JobRun => ({
            context: ctx,
            policy: policy(),
            now: ctx.clock.now(),
            batchSize: 4,
            renew: async () => true,
        });
        const outcomes = await Promise.all([
            runJob(autoEscalationJob, run()),
            runJob(autoEscalationJob, run()),
        ]);
        expect(outcomes.map((o) => o.failed)).toEqual([0, 0]);
        expect(outcomes[0].applied + outcomes[1].applied).toBeGreaterThanOrEqual(disputes.length);
        for (const { id } of disputes) {
            expect(await lifecycleOf(ctx, id)).toEqual([
                ['auto_escalate', 'negotiating', 'escalated', 'system'],
            ]);
        }
    });

    it('applies each deadline once when runDueJobs runs concurrently in one process and in two', async () => {
        const disputes = await negotiations(5);
        pastEscalation();
        await Promise.all([
            runDueJobs(ctx),
            runDueJobs(ctx),
            runDueJobs(ctx, { holder: 'process-b', batchSize: 2 }),
        ]);
        for (const { id } of disputes) expect(await lifecycleOf(ctx, id)).toHaveLength(1);
    });

    it('works through more due rows than one batch, renewing its lease between batches', async () => {
        const disputes = await negotiations(7);
        pastEscalation();
        const report = await runDueJobs(ctx, { batchSize: 2 });
        expect(report.auto_escalation.applied).toBeGreaterThanOrEqual(disputes.length);
        for (const { id } of disputes) expect((await storedDispute(ctx, id)).status).toBe('escalated');
    });
});

describe('scheduler', () => {
    it('runs the jobs at once and then every interval until stopped', async () => {
        // Built before it starts: test factories write outside writeTransaction.
        const due = (days: number) =>
            buildDispute(ctx.dataSource, { status: 'negotiating', openedAt: shifted(TEST_NOW, days) });
        const [first, second, afterStop] = [await due(0), await due(1), await due(2)];
        const statusOf = async (d: Dispute) => (await storedDispute(ctx, d.id)).status;
        ctx.clock.set(shifted(TEST_NOW, policy().autoEscalationDays, 1));
        const scheduler = startScheduler(ctx, 1, { holder: 'scheduler-test' });
        try {
            await expect.poll(() => statusOf(first)).toBe('escalated');
            expect(await statusOf(second)).toBe('negotiating');
            ctx.clock.set(shifted(TEST_NOW, 1 + policy().autoEscalationDays, 1));
            await expect.poll(() => statusOf(second)).toBe('escalated');
        } finally {
            await scheduler.stop();
        }
        ctx.clock.set(shifted(TEST_NOW, 2 + policy().autoEscalationDays, 1));
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(await statusOf(afterStop)).toBe('negotiating');
    });

    it('reads its interval from JOBS_INTERVAL_SECONDS', () => {
        expect(jobsIntervalSeconds({})).toBe(30);
        expect(jobsIntervalSeconds({ JOBS_INTERVAL_SECONDS: '5' })).toBe(5);
        expect(jobsIntervalSeconds({ JOBS_INTERVAL_SECONDS: '0' })).toBe(0);
        expect(() => jobsIntervalSeconds({ JOBS_INTERVAL_SECONDS: 'soon' })).toThrow(/JOBS_INTERVAL_SECONDS/);
    });
});
