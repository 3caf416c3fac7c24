import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dispute, DisputeEvent, EvidenceRequest, Offer } from '../../server/src/entities';
import {
    buildDispute,
    buildEvidenceRequest,
    buildOffer,
    buildStaff,
    daysFromNow,
} from '../helpers/factories';
import { auditEventsOf, integrationPost } from '../helpers/integration';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

const act = (disputeId: number, verb: string, body: object = {}) =>
    integrationPost(ctx, `/disputes/${disputeId}/${verb}`, body);

const lastEvent = async (disputeId: number) =>
    (
        await ctx.dataSource.getRepository(DisputeEvent).find({ where: { disputeId }, order: { id: 'DESC' } })
    )[0];

describe('POST /integration/v1/disputes/:id/escalate', () => {
    it('puts a negotiating dispute in the queue with a timeline entry and an audit event', async () => {
        const dispute = await buildDispute(ctx.dataSource, {
            status: 'negotiating',
            openedAt: daysFromNow(-4),
        });
        const res = await act(dispute.id, 'escalate', { note: 'The seller stopped answering' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: dispute.id, status: 'escalated', version: 2 });
        const stored = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: dispute.id });
        expect(stored).toMatchObject({ status: 'escalated', assigneeId: null });
        expect(stored.escalatedAt?.toISOString()).toBe(ctx.clock.now().toISOString());
        expect(await lastEvent(dispute.id)).toMatchObject({
            action: 'escalate',
            fromStatus: 'negotiating',
            toStatus: 'escalated',
            actorKind: 'buyer',
            note: 'The seller stopped answering',
        });
        const audit = await auditEventsOf(ctx, res);
        expect(audit.map((e) => [e.action, e.actorRole, e.entityId])).toEqual([
            ['dispute.escalate', 'marketplace:buyer', String(dispute.id)],
        ]);
    });

    it.each(['escalated', 'opened', 'in_review', 'resolved'] as const)(
        'answers 409 naming the state when the dispute is %s',
        async (status) => {
            const dispute = await buildDispute(ctx.dataSource, { status, openedAt: daysFromNow(-10) });
            const res = await act(dispute.id, 'escalate');
            expect(res.status).toBe(409);
            expect(res.body.message).toMatch(
                new RegExp(`^Cannot escalate dispute ${dispute.id}: it is ${status}\\.`)
            );
            const stored = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: dispute.id });
            expect(stored.version).toBe(1);
        }
    );
});

describe('POST /integration/v1/disputes/:id/withdraw', () => {
    it('withdraws a dispute in review: assignee cleared, offers superseded, evidence requests cancelled', async () => {
        const mediator = await buildStaff(ctx.dataSource);
        const dispute = await buildDispute(ctx.dataSource, {
            status: 'awaiting_evidence',
            assigneeId: mediator.id,
            assignedAt: daysFromNow(-1),
        });
        const pending = await buildOffer(ctx.dataSource, { disputeId: dispute.id });
        const request = await buildEvidenceRequest(ctx.dataSource, { disputeId: dispute.id });
        const res = await act(dispute.id, 'withdraw', { note: 'Parcel arrived' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ status: 'withdrawn', resolution: 'withdrawn' });
        const stored = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: dispute.id });
        expect(stored).toMatchObject({ status: 'withdrawn', assigneeId: null, assignedAt: null });
        expect((await ctx.dataSource.getRepository(Offer).findOneByOrFail({ id: pending.id })).status).toBe(
            'superseded'
        );
        const cancelled = await ctx.dataSource
            .getRepository(EvidenceRequest)
            .findOneByOrFail({ id: request.id });
        expect(cancelled.status).toBe('cancelled');
        expect(await lastEvent(dispute.id)).toMatchObject({
            action: 'withdraw',
            fromStatus: 'awaiting_evidence',
            toStatus: 'withdrawn',
        });
        const audit = await auditEventsOf(ctx, res);
        expect(audit.map((e) => e.action)).toEqual(['dispute.withdraw']);
        expect(audit[0].before).toMatchObject({ status: 'awaiting_evidence', assigneeId: mediator.id });
        expect(audit[0].after).toMatchObject({ status: 'withdrawn', assigneeId: null });
    });

    it.each(['opened', 'negotiating', 'escalated', 'pending_approval'] as const)(
        'withdraws a dispute that is %s',
        async (status) => {
            const dispute = await buildDispute(ctx.dataSource, { status });
            expect((await act(dispute.id, 'withdraw')).body.status).toBe('withdrawn');
        }
    );

    it.each(['decided', 'closed', 'withdrawn'] as const)(
        'answers 409 when the dispute is %s',
        async (status) => {
            const dispute = await buildDispute(ctx.dataSource, { status });
            const res = await act(dispute.id, 'withdraw');
            expect(res.status).toBe(409);
            expect(res.body.message).toMatch(new RegExp(`it is ${status}\\.`));
        }
    );
});

describe('POST /integration/v1/disputes/:id/reopen', () => {
    it('reopens a withdrawn dispute: opened now, reopenCount + 1, SLA and answers cleared', async () => {
        const dispute = await buildDispute(ctx.dataSource, {
            status: 'withdrawn',
            openedAt: daysFromNow(-12),
            escalatedAt: daysFromNow(-6),
            slaDueAt: daysFromNow(1),
            slaHardDueAt: daysFromNow(54),
            reopenCount: 1,
        });
        const res = await act(dispute.id, 'reopen', { note: 'It broke again' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
            status: 'opened',
            resolution: null,
            openedAt: ctx.clock.now().toISOString(),
            reopenCount: 2,
            sellerRespondedAt: null,
            escalatedAt: null,
            slaDueAt: null,
            slaHardDueAt: null,
        });
        expect(await lastEvent(dispute.id)).toMatchObject({
            action: 'reopen',
            fromStatus: 'withdrawn',
            toStatus: 'opened',
            note: 'It broke again',
        });
        const audit = await auditEventsOf(ctx, res);
        expect(audit.map((e) => e.action)).toEqual(['dispute.reopen']);
        expect(audit[0].after).toMatchObject({ status: 'opened', reopenCount: 2 });
    });

    it('reopens a dispute resolved in the buyer’s favour by the seller’s silence', async () => {
        const dispute = await buildDispute(ctx.dataSource, {
            status: 'resolved',
            resolution: 'seller_timeout',
        });
        expect((await act(dispute.id, 'reopen')).body).toMatchObject({ status: 'opened', reopenCount: 1 });
    });

    it.each(['negotiating', 'escalated', 'decided', 'closed'] as const)(
        'answers 409 when the dispute is %s',
        async (status) => {
            const dispute = await buildDispute(ctx.dataSource, { status });
            const res = await act(dispute.id, 'reopen');
            expect(res.status).toBe(409);
            expect(res.body.message).toMatch(
                new RegExp(`^Cannot reopen dispute ${dispute.id}: it is ${status}\\.`)
            );
        }
    );
});

describe('path ids and bodies of the buyer actions', () => {
    it('answers 404 for an unknown dispute, 400 for a malformed id or an unknown body field', async () => {
        expect((await act(987_654, 'withdraw')).status).toBe(404);
        const malformed = await act(0, 'withdraw');
        expect(malformed.status).toBe(400);
        const dispute = await buildDispute(ctx.dataSource, { status: 'negotiating' });
        const unknown = await act(dispute.id, 'withdraw', { status: 'closed' });
        expect(unknown.status).toBe(400);
        expect(unknown.body.errors).toHaveProperty('_');
    });

    it('accepts an empty body', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'negotiating' });
        const res = await integrationPost(ctx, `/disputes/${dispute.id}/withdraw`);
        expect(res.status).toBe(200);
    });
});
