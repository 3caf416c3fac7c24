import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/policy';
import { Dispute, Refund } from '../../server/src/entities';
import { autoEscalationJob } from '../../server/src/jobs/autoEscalation';
import { runDueJobs } from '../../server/src/jobs/scheduler';
import { sellerTimeoutJob } from '../../server/src/jobs/sellerTimeout';
import { buildDispute, buildOrder } from '../helpers/factories';
import {
    auditOf,
    lifecycleOf,
    listedFor,
    shownDispute,
    shifted,
    storedDispute,
    supervisorNow,
} from '../helpers/jobs';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set(TEST_NOW));

const policy = () => ctx.config.policy;

function jobRun() {
    return { context: ctx, policy: policy(), now: ctx.clock.now(), batchSize: 10, renew: async () => true };
}

describe('seller silent', () => {
    it('resolves the dispute with a full refund one minute after the answer window, not one minute before', async () => {
        const openedAt = ctx.clock.now();
        const order = await buildOrder(ctx.dataSource, { quantity: 2, unitPrice: 4_999, currency: 'EUR' });
        const dispute = await buildDispute(ctx.dataSource, { order, status: 'opened', openedAt });

        ctx.clock.set(shifted(openedAt, policy().sellerResponseDays, -1));
        await runDueJobs(ctx);
        expect(await shownDispute(ctx, dispute.id)).toMatchObject({ status: 'opened', resolution: null });
        expect(await listedFor(ctx, 'refunds', dispute.id)).toEqual([]);

        const now = shifted(openedAt, policy().sellerResponseDays, 1);
        ctx.clock.set(now);
        await runDueJobs(ctx);
        expect(await shownDispute(ctx, dispute.id)).toMatchObject({
            status: 'resolved',
            resolution: 'seller_timeout',
            version: 2,
        });
        const refunds = await listedFor(ctx, 'refunds', dispute.id);
        expect(refunds).toEqual([
            expect.objectContaining({
                amount: 9_998,
                currency: 'EUR',
                destination: 'card',
                status: 'requested',
                decisionId: null,
                requestedAt: now.toISOString(),
                dueBy: addDays(now, policy().refundMaxDays).toISOString(),
            }),
        ]);
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['seller_timeout', 'opened', 'resolved', 'system'],
        ]);
        const audit = await auditOf(ctx, 'dispute', dispute.id);
        expect(audit.map((e) => [e.action, e.actorRole, e.actorId])).toEqual([
            ['dispute.seller_timeout', 'system', null],
        ]);
        expect(audit[0].after).toMatchObject({
            status: 'resolved',
            refundId: refunds[0].id,
            refundAmount: 9_998,
        });
    });

    it('shows the timeout on the timeline as a system step', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'opened', openedAt: ctx.clock.now() });
        ctx.clock.set(shifted(TEST_NOW, policy().sellerResponseDays, 1));
        await runDueJobs(ctx);
        const supervisor = await supervisorNow(ctx);
        const res = await supervisor.get(`/api/disputes/${dispute.id}/timeline`);
        expect(res.status).toBe(200);
        const steps = (res.body as { kind: string; record: Record<string, unknown> }[]).filter(
            (entry) => entry.kind === 'event'
        );
        expect(steps.map((s) => [s.record.action, s.record.actorKind, s.record.toStatus])).toEqual([
            ['seller_timeout', 'system', 'resolved'],
        ]);
    });

    it('refunds a cash/SMS payment to the mobile balance, in a zero-decimal currency', async () => {
        const order = await buildOrder(ctx.dataSource, {
            unitPrice: 12_000,
            currency: 'JPY',
            paymentMethod: 'cash_sms',
        });
        const dispute = await buildDispute(ctx.dataSource, { order, openedAt: ctx.clock.now() });
        ctx.clock.set(shifted(TEST_NOW, policy().sellerResponseDays, 1));
        await runDueJobs(ctx);
        const [refund] = await listedFor(ctx, 'refunds', dispute.id);
        expect(refund).toMatchObject({ amount: 12_000, currency: 'JPY', destination: 'mobile_balance' });
    });

    it('creates exactly one refund and one timeline entry when run twice, or by two racing runs', async () => {
        const sequential = await buildDispute(ctx.dataSource, { openedAt: ctx.clock.now() });
        const racing = await buildDispute(ctx.dataSource, { openedAt: ctx.clock.now() });
        ctx.clock.set(shifted(TEST_NOW, policy().sellerResponseDays, 1));
        await runDueJobs(ctx);
        await runDueJobs(ctx);
        await Promise.all([runDueJobs(ctx), runDueJobs(ctx, { holder: 'other-process' })]);
        for (const { id } of [sequential, racing]) {
            expect(await ctx.dataSource.getRepository(Refund).countBy({ disputeId: id })).toBe(1);
            expect(await lifecycleOf(ctx, id)).toHaveLength(1);
            expect(await auditOf(ctx, 'dispute', id)).toHaveLength(1);
        }
    });

    it('leaves alone a dispute whose seller answered after it was found due', async () => {
        const dispute = await buildDispute(ctx.dataSource, { openedAt: ctx.clock.now() });
        ctx.clock.set(shifted(TEST_NOW, policy().sellerResponseDays, 1));
        const run = jobRun();
        expect(await sellerTimeoutJob.findDue(run, dispute.id - 1, 1)).toEqual([dispute.id]);
        await ctx.dataSource
            .getRepository(Dispute)
            .update(dispute.id, { status: 'negotiating', sellerRespondedAt: run.now, version: 2 });

        expect(await sellerTimeoutJob.apply(run, dispute.id)).toBe(false);
        await runDueJobs(ctx);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({
            status: 'negotiating',
            resolution: null,
        });
        expect(await ctx.dataSource.getRepository(Refund).countBy({ disputeId: dispute.id })).toBe(0);
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([]);
    });
});

describe('automatic escalation', () => {
    it('escalates a negotiation one minute after the window, not one minute before, and starts the SLA', async () => {
        const openedAt = ctx.clock.now();
        const dispute = await buildDispute(ctx.dataSource, { status: 'negotiating', openedAt });

        ctx.clock.set(shifted(openedAt, policy().autoEscalationDays, -1));
        await runDueJobs(ctx);
        expect(await shownDispute(ctx, dispute.id)).toMatchObject({
            status: 'negotiating',
            escalatedAt: null,
        });

        const now = shifted(openedAt, policy().autoEscalationDays, 1);
        ctx.clock.set(now);
        await runDueJobs(ctx);
        expect(await shownDispute(ctx, dispute.id)).toMatchObject({
            status: 'escalated',
            assigneeId: null,
            escalatedAt: now.toISOString(),
            slaDueAt: addDays(now, policy().slaTargetDays).toISOString(),
            slaHardDueAt: addDays(now, policy().slaHardLimitDays).toISOString(),
            slaPausedAt: null,
        });
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['auto_escalate', 'negotiating', 'escalated', 'system'],
        ]);
        expect((await auditOf(ctx, 'dispute', dispute.id)).map((e) => [e.action, e.actorRole])).toEqual([
            ['dispute.auto_escalate', 'system'],
        ]);

        await runDueJobs(ctx);
        expect(await lifecycleOf(ctx, dispute.id)).toHaveLength(1);
    });

    it('escalates an opened dispute whose seller answered but never moved it on', async () => {
        const openedAt = ctx.clock.now();
        const dispute = await buildDispute(ctx.dataSource, {
            status: 'opened',
            openedAt,
            sellerRespondedAt: shifted(openedAt, 1),
        });
        ctx.clock.set(shifted(openedAt, policy().autoEscalationDays, 1));
        await runDueJobs(ctx);
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['auto_escalate', 'opened', 'escalated', 'system'],
        ]);
    });

    it('times out rather than escalates a dispute whose seller never answered', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'opened', openedAt: ctx.clock.now() });
        ctx.clock.set(shifted(TEST_NOW, policy().autoEscalationDays, 1));
        const run = jobRun();
        expect(await autoEscalationJob.findDue(run, dispute.id - 1, 1)).toEqual([]);
        expect(await autoEscalationJob.apply(run, dispute.id)).toBe(false);
        await runDueJobs(ctx);
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['seller_timeout', 'opened', 'resolved', 'system'],
        ]);
    });

    it('leaves alone a dispute the buyer withdrew after it was found due', async () => {
        const dispute = await buildDispute(ctx.dataSource, {
            status: 'negotiating',
            openedAt: ctx.clock.now(),
        });
        ctx.clock.set(shifted(TEST_NOW, policy().autoEscalationDays, 1));
        const run = jobRun();
        expect(await autoEscalationJob.findDue(run, dispute.id - 1, 1)).toEqual([dispute.id]);
        await ctx.dataSource.getRepository(Dispute).update(dispute.id, { status: 'withdrawn', version: 2 });
        expect(await autoEscalationJob.apply(run, dispute.id)).toBe(false);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({
            status: 'withdrawn',
            escalatedAt: null,
        });
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([]);
    });
});
