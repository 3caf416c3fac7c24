import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addHours } from '../../shared/policy';
import { Dispute, EvidenceRequest, Order, OutboxEvent } from '../../server/src/entities';
import { runDueJobs } from '../../server/src/jobs/scheduler';
import type { Agent } from '../helpers/agent';
import { buildDispute } from '../helpers/factories';
import { integrationPost } from '../helpers/integration';
import { auditOf, lifecycleOf, storedDispute } from '../helpers/jobs';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
let support: Agent;
let mediator: Agent;
let otherMediator: Agent;
let supervisor: Agent;

beforeAll(async () => {
    ctx = await createTestApp({ POLICY_MAX_CASES_PER_MEDIATOR: '1000' });
    support = await ctx.as('support');
    mediator = await ctx.as('mediator', 'holder');
    otherMediator = await ctx.as('mediator', 'other');
    supervisor = await ctx.as('supervisor');
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set(TEST_NOW));

const policy = () => ctx.config.policy;
const HOUR = 3_600_000;

/** A dispute the mediator holds in review (or an unassigned escalated one), SLA running. */
function held(assigned = true) {
    return buildDispute(ctx.dataSource, {
        status: assigned ? 'in_review' : 'escalated',
        assigneeId: assigned ? mediator.staff.id : null,
        assignedAt: assigned ? TEST_NOW : null,
    });
}

/** A staff member signed in at the clock's current time (sessions expire as the clock moves on). */
function signedInNow(role: 'support' | 'supervisor') {
    return ctx.as(role, `${role}-${ctx.clock.now().getTime()}`);
}

function outboxOf(disputeId: number) {
    return ctx.dataSource.getRepository(OutboxEvent).find({ where: { disputeId }, order: { id: 'ASC' } });
}

function requestsOf(disputeId: number) {
    return ctx.dataSource.getRepository(EvidenceRequest).find({ where: { disputeId }, order: { id: 'ASC' } });
}

function partyMessage(disputeId: number, party: 'buyer' | 'seller', body = 'Photos attached as asked') {
    return integrationPost(ctx, `/disputes/${disputeId}/messages`, { party, body });
}

describe('requesting evidence', () => {
    it('asks both parties: 201, awaiting evidence, SLA stopped, one event per party in its words', async () => {
        const dispute = await held();
        const dueAt = addHours(TEST_NOW, 48).toISOString();
        const res = await mediator
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'both', message: 'Please send photos of the label and the box.', dueAt });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body).toMatchObject({
            disputeId: dispute.id,
            requestedFrom: 'both',
            requestedById: mediator.staff.id,
            status: 'open',
            dueAt,
            buyerAnswered: false,
            sellerAnswered: false,
        });
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({
            status: 'awaiting_evidence',
            slaPausedAt: TEST_NOW,
            version: dispute.version + 1,
        });
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['request_evidence', 'in_review', 'awaiting_evidence', 'staff'],
        ]);
        expect((await auditOf(ctx, 'evidence_request', res.body.id)).map((e) => e.action)).toEqual([
            'evidence_request.created',
        ]);

        const order = await ctx.dataSource.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
        const events = await outboxOf(dispute.id);
        expect(events.map((e) => [e.type, e.audience])).toEqual([
            ['evidence.requested', 'buyer'],
            ['evidence.requested', 'seller'],
        ]);
        for (const event of events) {
            expect(event.payload).toMatchObject({
                disputeId: dispute.id,
                evidenceRequestId: res.body.id,
                party: event.audience,
                order: { externalId: order.externalId, productTitle: order.productTitle },
                asked: 'Please send photos of the label and the box.',
                dueAt,
            });
            // The dispute's own claim text and staff internals are not part of what a party is told.
            expect(JSON.stringify(event.payload)).not.toContain(dispute.description);
        }
    });

    it('defaults the deadline to the policy hours from now', async () => {
        const dispute = await held();
        const res = await support
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'seller', message: 'Tracking screenshot, please' });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.dueAt).toBe(addHours(TEST_NOW, policy().evidenceDeadlineDefaultHours).toISOString());
        expect((await outboxOf(dispute.id)).map((e) => e.audience)).toEqual(['seller']);
    });

    it.each([
        ['a deadline sooner than the minimum', { dueAt: 'min-1' }, 'dueAt'],
        ['a deadline later than the maximum', { dueAt: 'max+1' }, 'dueAt'],
        ['a deadline that is not a date', { dueAt: 'next tuesday' }, 'dueAt'],
        ['an unknown party', { from: 'courier' }, 'from'],
        ['an empty message', { message: '   ' }, 'message'],
        ['a message with control characters', { message: 'a\u0007b' }, 'message'],
        ['an unknown field', { urgent: true }, '_'],
    ])('refuses %s with 400 naming the field, changing nothing', async (_name, override, field) => {
        const dispute = await held();
        const bounds: Record<string, string> = {
            'min-1': new Date(
                TEST_NOW.getTime() + policy().evidenceDeadlineMinHours * HOUR - 1000
            ).toISOString(),
            'max+1': new Date(
                TEST_NOW.getTime() + policy().evidenceDeadlineMaxHours * HOUR + 1000
            ).toISOString(),
        };
        const body: Record<string, unknown> = { from: 'buyer', message: 'Photos please', ...override };
        if (typeof body.dueAt === 'string' && bounds[body.dueAt]) body.dueAt = bounds[body.dueAt];
        const res = await mediator.post(`/api/disputes/${dispute.id}/evidence-requests`).send(body);
        expect(res.status).toBe(400);
        expect(res.body.message).toEqual(expect.any(String));
        if (field === '_') expect(Object.keys(res.body.errors ?? {}).length).toBeGreaterThan(0);
        else expect(res.body.errors).toHaveProperty(field);
        expect(await requestsOf(dispute.id)).toEqual([]);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ status: 'in_review', version: 1 });
    });

    it('accepts exactly the minimum and the maximum deadline', async () => {
        for (const hours of [policy().evidenceDeadlineMinHours, policy().evidenceDeadlineMaxHours]) {
            const dispute = await held();
            const res = await mediator.post(`/api/disputes/${dispute.id}/evidence-requests`).send({
                from: 'buyer',
                message: 'Photos please',
                dueAt: addHours(TEST_NOW, hours).toISOString(),
            });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
        }
    });

    it('lets support and a supervisor ask, refuses a mediator who does not hold the dispute (403, audited)', async () => {
        for (const agent of [support, supervisor]) {
            const dispute = await held();
            const res = await agent
                .post(`/api/disputes/${dispute.id}/evidence-requests`)
                .send({ from: 'buyer', message: 'Photos please' });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
        }
        const dispute = await held();
        const refused = await otherMediator
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'buyer', message: 'Photos please' });
        expect(refused.status).toBe(403);
        expect(await requestsOf(dispute.id)).toEqual([]);
        expect(await outboxOf(dispute.id)).toEqual([]);
        expect((await auditOf(ctx, 'disputes', dispute.id)).map((e) => [e.action, e.outcome])).toEqual([
            ['access.denied', 'denied'],
        ]);
    });

    it('refuses a dispute that is not under review with 409, leaving no request behind', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'negotiating' });
        const res = await supervisor
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'buyer', message: 'Photos please' });
        expect(res.status).toBe(409);
        expect(await requestsOf(dispute.id)).toEqual([]);
        expect(await outboxOf(dispute.id)).toEqual([]);
    });

    it('answers 404 for a dispute that does not exist', async () => {
        const res = await supervisor
            .post('/api/disputes/999999/evidence-requests')
            .send({ from: 'buyer', message: 'Photos please' });
        expect(res.status).toBe(404);
    });
});

describe('fulfilment by a party message', () => {
    it('fulfils the request; the dispute returns to review with the SLA moved by the paused time', async () => {
        const dispute = await held();
        const asked = await mediator
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'buyer', message: 'Photos please' });
        expect(asked.status).toBe(201);

        const answeredAt = addHours(TEST_NOW, 30);
        ctx.clock.set(answeredAt);
        const res = await partyMessage(dispute.id, 'buyer');
        expect(res.status, JSON.stringify(res.body)).toBe(201);

        const [request] = await requestsOf(dispute.id);
        expect(request).toMatchObject({ status: 'fulfilled', buyerAnswered: true, fulfilledAt: answeredAt });
        const after = await storedDispute(ctx, dispute.id);
        const paused = answeredAt.getTime() - TEST_NOW.getTime();
        expect(after).toMatchObject({
            status: 'in_review',
            assigneeId: mediator.staff.id,
            slaPausedAt: null,
        });
        expect(after.slaDueAt!.getTime()).toBe(dispute.slaDueAt!.getTime() + paused);
        expect(after.slaHardDueAt!.getTime()).toBe(dispute.slaHardDueAt!.getTime() + paused);
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['request_evidence', 'in_review', 'awaiting_evidence', 'staff'],
            ['party_message', 'awaiting_evidence', 'awaiting_evidence', 'buyer'],
            ['evidence_complete', 'awaiting_evidence', 'in_review', 'buyer'],
        ]);
        expect((await auditOf(ctx, 'evidence_request', request.id)).map((e) => e.action)).toEqual([
            'evidence_request.created',
            'evidence_request.fulfilled',
        ]);
    });

    it('sends an unassigned dispute back to the queue', async () => {
        const dispute = await held(false);
        await support
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'seller', message: 'Tracking, please' })
            .expect(201);
        expect((await partyMessage(dispute.id, 'seller')).status).toBe(201);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({
            status: 'escalated',
            assigneeId: null,
            slaPausedAt: null,
        });
    });

    it('does not count the other party; a request to both needs both', async () => {
        const dispute = await held();
        await mediator
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'both', message: 'Your side of the story, with photos' })
            .expect(201);
        expect((await partyMessage(dispute.id, 'seller')).status).toBe(201);
        expect(await requestsOf(dispute.id)).toEqual([
            expect.objectContaining({ status: 'open', sellerAnswered: true, buyerAnswered: false }),
        ]);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ status: 'awaiting_evidence' });

        expect((await partyMessage(dispute.id, 'buyer')).status).toBe(201);
        expect(await requestsOf(dispute.id)).toEqual([
            expect.objectContaining({ status: 'fulfilled', sellerAnswered: true, buyerAnswered: true }),
        ]);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ status: 'in_review' });
    });

    it('tracks several open requests separately: one fulfilled, the other keeps the dispute waiting', async () => {
        const dispute = await held();
        for (const from of ['buyer', 'seller']) {
            await mediator
                .post(`/api/disputes/${dispute.id}/evidence-requests`)
                .send({ from, message: `From the ${from}, please` })
                .expect(201);
        }
        expect((await partyMessage(dispute.id, 'buyer')).status).toBe(201);
        expect((await requestsOf(dispute.id)).map((r) => [r.requestedFrom, r.status])).toEqual([
            ['buyer', 'fulfilled'],
            ['seller', 'open'],
        ]);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({
            status: 'awaiting_evidence',
            slaPausedAt: TEST_NOW,
        });
        expect((await lifecycleOf(ctx, dispute.id)).map(([action]) => action)).toEqual([
            'request_evidence',
            'request_evidence',
            'party_message',
            'evidence_request_fulfilled',
        ]);

        expect((await partyMessage(dispute.id, 'seller')).status).toBe(201);
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({
            status: 'in_review',
            slaPausedAt: null,
        });
    });
});

describe('cancelling a request', () => {
    it('cancels with a reason, on the timeline and audited; the last open one sends the dispute back', async () => {
        const dispute = await held();
        const first = await mediator
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'buyer', message: 'Photos please' });
        const second = await mediator
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'seller', message: 'Tracking please' });

        ctx.clock.set(addHours(TEST_NOW, 5));
        const res = await (
            await signedInNow('support')
        )
            .post(`/api/evidence-requests/${first.body.id}/cancel`)
            .send({ reason: 'Asked by mistake' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({ id: first.body.id, status: 'cancelled' });
        expect(await storedDispute(ctx, dispute.id)).toMatchObject({ status: 'awaiting_evidence' });

        const cancelledAt = addHours(TEST_NOW, 10);
        ctx.clock.set(cancelledAt);
        await (
            await signedInNow('supervisor')
        )
            .post(`/api/evidence-requests/${second.body.id}/cancel`)
            .send({ reason: 'The seller sent it by e-mail' })
            .expect(200);
        const after = await storedDispute(ctx, dispute.id);
        expect(after).toMatchObject({ status: 'in_review', slaPausedAt: null });
        expect(after.slaDueAt!.getTime()).toBe(dispute.slaDueAt!.getTime() + 10 * HOUR);
        expect((await lifecycleOf(ctx, dispute.id)).map(([action]) => action)).toEqual([
            'request_evidence',
            'request_evidence',
            'evidence_request_cancelled',
            'evidence_request_cancelled',
            'evidence_complete',
        ]);
        const audits = await auditOf(ctx, 'evidence_request', first.body.id);
        expect(audits.map((e) => [e.action, e.after?.reason])).toEqual([
            ['evidence_request.created', undefined],
            ['evidence_request.cancelled', 'Asked by mistake'],
        ]);
        const stored = await requestsOf(dispute.id);
        expect(stored.map((r) => [r.status, r.cancelReason])).toEqual([
            ['cancelled', 'Asked by mistake'],
            ['cancelled', 'The seller sent it by e-mail'],
        ]);
    });

    it('refuses a request that is no longer open (409), an empty reason (400), a mediator not holding it (403)', async () => {
        const dispute = await held();
        const asked = await mediator
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'buyer', message: 'Photos please' });
        const url = `/api/evidence-requests/${asked.body.id}/cancel`;
        expect((await mediator.post(url).send({ reason: '' })).status).toBe(400);
        expect((await otherMediator.post(url).send({ reason: 'Not mine' })).status).toBe(403);
        expect((await mediator.post(url).send({ reason: 'Done' })).status).toBe(200);
        expect((await mediator.post(url).send({ reason: 'Again' })).status).toBe(409);
        expect(
            (await mediator.post('/api/evidence-requests/999999/cancel').send({ reason: 'x' })).status
        ).toBe(404);
    });
});

describe('the reminder', () => {
    it('reminds each party still owing once, when the deadline is within the policy hours', async () => {
        const dispute = await held();
        const dueAt = addHours(TEST_NOW, 72);
        const asked = await mediator
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'both', message: 'Photos please', dueAt: dueAt.toISOString() });
        expect(asked.status).toBe(201);
        expect((await partyMessage(dispute.id, 'seller')).status).toBe(201);

        // Not yet: one minute before the reminder window opens.
        ctx.clock.set(new Date(dueAt.getTime() - policy().evidenceReminderHours * HOUR - 60_000));
        await runDueJobs(ctx);
        expect((await outboxOf(dispute.id)).filter((e) => e.type === 'evidence.reminder')).toEqual([]);

        const remindedAt = new Date(dueAt.getTime() - policy().evidenceReminderHours * HOUR + 60_000);
        ctx.clock.set(remindedAt);
        await runDueJobs(ctx);
        ctx.clock.set(addHours(remindedAt, 1));
        await runDueJobs(ctx);

        const reminders = (await outboxOf(dispute.id)).filter((e) => e.type === 'evidence.reminder');
        expect(reminders.map((e) => e.audience)).toEqual(['buyer']);
        expect(reminders[0].payload).toMatchObject({
            disputeId: dispute.id,
            evidenceRequestId: asked.body.id,
            asked: 'Photos please',
            dueAt: dueAt.toISOString(),
        });
        expect((await requestsOf(dispute.id))[0].reminderSentAt).toEqual(remindedAt);
        expect(
            (await lifecycleOf(ctx, dispute.id)).filter(([action]) => action === 'evidence_reminder')
        ).toEqual([['evidence_reminder', 'awaiting_evidence', 'awaiting_evidence', 'system']]);
    });

    it('does not remind of a fulfilled or cancelled request', async () => {
        const dispute = await held();
        const dueAt = addHours(TEST_NOW, 48);
        const asked = await mediator
            .post(`/api/disputes/${dispute.id}/evidence-requests`)
            .send({ from: 'buyer', message: 'Photos please', dueAt: dueAt.toISOString() });
        await mediator
            .post(`/api/evidence-requests/${asked.body.id}/cancel`)
            .send({ reason: 'No longer needed' })
            .expect(200);
        ctx.clock.set(addHours(dueAt, -1));
        await runDueJobs(ctx);
        expect((await outboxOf(dispute.id)).filter((e) => e.type === 'evidence.reminder')).toEqual([]);
        const stored = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: dispute.id });
        expect(stored.status).toBe('in_review');
    });
});
