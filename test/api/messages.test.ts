import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Message, OutboxEvent } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import { buildDispute } from '../helpers/factories';
import { integrationPost, newKey } from '../helpers/integration';
import { auditOf, lifecycleOf } from '../helpers/jobs';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
let support: Agent;
let mediator: Agent;

beforeAll(async () => {
    ctx = await createTestApp();
    support = await ctx.as('support');
    mediator = await ctx.as('mediator');
});
afterAll(() => ctx.close());

function inReview() {
    return buildDispute(ctx.dataSource, {
        status: 'in_review',
        assigneeId: mediator.staff.id,
        assignedAt: ctx.clock.now(),
    });
}

function outboxOf(disputeId: number) {
    return ctx.dataSource.getRepository(OutboxEvent).find({ where: { disputeId }, order: { id: 'ASC' } });
}

function messagesOf(disputeId: number) {
    return ctx.dataSource.getRepository(Message).find({ where: { disputeId }, order: { id: 'ASC' } });
}

describe('staff messages', () => {
    it.each([
        ['both', ['buyer', 'seller']],
        ['buyer', ['buyer']],
        ['seller', ['seller']],
        ['internal', []],
    ] as const)(
        'a %s message: 201, on the timeline, one outbox event per recipient',
        async (visibility, to) => {
            const dispute = await inReview();
            const body = `A ${visibility} message: we are looking at the photos`;
            const res = await support.post(`/api/disputes/${dispute.id}/messages`).send({ visibility, body });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            expect(res.body).toMatchObject({
                disputeId: dispute.id,
                authorKind: 'staff',
                authorStaffId: support.staff.id,
                visibility,
                body,
            });

            const events = await outboxOf(dispute.id);
            expect(events.map((e) => [e.type, e.audience])).toEqual(
                to.map((party) => ['message.posted', party])
            );
            for (const event of events) {
                expect(event.payload).toMatchObject({
                    disputeId: dispute.id,
                    messageId: res.body.id,
                    to: event.audience,
                    body,
                });
            }
            expect(await lifecycleOf(ctx, dispute.id)).toEqual([
                ['staff_message', 'in_review', 'in_review', 'staff'],
            ]);
            expect(
                (await auditOf(ctx, 'dispute', dispute.id)).map((e) => [e.action, e.after?.visibility])
            ).toEqual([['dispute.staff_message', visibility]]);
        }
    );

    it('never puts an internal note in anything a party receives', async () => {
        const dispute = await inReview();
        const secret = 'Internal: the seller has three similar cases, watch out';
        await mediator
            .post(`/api/disputes/${dispute.id}/messages`)
            .send({ visibility: 'internal', body: secret })
            .expect(201);
        await mediator
            .post(`/api/disputes/${dispute.id}/messages`)
            .send({ visibility: 'both', body: 'We will decide within a week' })
            .expect(201);
        const events = await outboxOf(dispute.id);
        expect(events).toHaveLength(2);
        for (const event of events) expect(JSON.stringify(event.payload)).not.toContain(secret);
    });

    it.each([
        ['an unknown visibility', { visibility: 'everyone', body: 'Hello' }, 'visibility'],
        ['an empty body', { visibility: 'both', body: ' ' }, 'body'],
        ['a body with control characters', { visibility: 'both', body: 'a\u0000b' }, 'body'],
        ['a missing visibility', { body: 'Hello' }, 'visibility'],
    ])('refuses %s with 400 naming the field', async (_name, payload, field) => {
        const dispute = await inReview();
        const res = await support.post(`/api/disputes/${dispute.id}/messages`).send(payload);
        expect(res.status).toBe(400);
        expect(res.body.errors).toHaveProperty(field);
        expect(await messagesOf(dispute.id)).toEqual([]);
    });

    it('answers 404 for a dispute that does not exist', async () => {
        const res = await support
            .post('/api/disputes/999999/messages')
            .send({ visibility: 'both', body: 'Hi' });
        expect(res.status).toBe(404);
    });

    it('refuses a signed-out caller with 401', async () => {
        const dispute = await inReview();
        const res = await ctx
            .request()
            .post(`/api/disputes/${dispute.id}/messages`)
            .send({ visibility: 'both', body: 'Hi' });
        expect(res.status).toBe(401);
    });
});

describe('party messages through the integration API', () => {
    it('stores the message for both parties, on the timeline, 201 with the message', async () => {
        const dispute = await inReview();
        const res = await integrationPost(ctx, `/disputes/${dispute.id}/messages`, {
            party: 'seller',
            body: 'The parcel was handed to the courier on time.',
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body).toEqual({
            id: expect.any(Number),
            disputeId: dispute.id,
            authorKind: 'seller',
            visibility: 'both',
            body: 'The parcel was handed to the courier on time.',
            createdAt: ctx.clock.now().toISOString(),
        });
        expect(await lifecycleOf(ctx, dispute.id)).toEqual([
            ['party_message', 'in_review', 'in_review', 'seller'],
        ]);
        expect((await auditOf(ctx, 'dispute', dispute.id)).map((e) => [e.action, e.actorRole])).toEqual([
            ['dispute.party_message', 'marketplace:seller'],
        ]);
    });

    it('replays a retry with the same Idempotency-Key without a second message', async () => {
        const dispute = await inReview();
        const key = newKey();
        const body = { party: 'buyer', body: 'Here is what happened' };
        const first = await integrationPost(ctx, `/disputes/${dispute.id}/messages`, body, { key });
        const again = await integrationPost(ctx, `/disputes/${dispute.id}/messages`, body, { key });
        expect(first.status).toBe(201);
        expect(again.status).toBe(201);
        expect(again.body).toEqual(first.body);
        expect(await messagesOf(dispute.id)).toHaveLength(1);
    });

    it.each([
        ['an unknown party', { party: 'courier', body: 'Hi' }, 'party'],
        ['an empty body', { party: 'buyer', body: '' }, 'body'],
    ])('refuses %s with 400', async (_name, payload, field) => {
        const dispute = await inReview();
        const res = await integrationPost(ctx, `/disputes/${dispute.id}/messages`, payload);
        expect(res.status).toBe(400);
        expect(res.body.errors).toHaveProperty(field);
        expect(await messagesOf(dispute.id)).toEqual([]);
    });

    it('refuses a closed dispute with 409 and an unknown one with 404', async () => {
        const closed = await buildDispute(ctx.dataSource, { status: 'closed' });
        const refused = await integrationPost(ctx, `/disputes/${closed.id}/messages`, {
            party: 'buyer',
            body: 'Hi',
        });
        expect(refused.status).toBe(409);
        expect(await messagesOf(closed.id)).toEqual([]);
        const missing = await integrationPost(ctx, '/disputes/999999/messages', {
            party: 'buyer',
            body: 'Hi',
        });
        expect(missing.status).toBe(404);
    });
});

describe('the timeline', () => {
    it('shows party and staff messages in order, internal notes included for staff', async () => {
        const dispute = await inReview();
        await integrationPost(ctx, `/disputes/${dispute.id}/messages`, {
            party: 'buyer',
            body: 'First',
        }).expect(201);
        ctx.clock.advance(1000);
        await support
            .post(`/api/disputes/${dispute.id}/messages`)
            .send({ visibility: 'buyer', body: 'Second' })
            .expect(201);
        ctx.clock.advance(1000);
        await support
            .post(`/api/disputes/${dispute.id}/messages`)
            .send({ visibility: 'internal', body: 'Third' })
            .expect(201);
        const res = await support.get(`/api/disputes/${dispute.id}/timeline`);
        expect(res.status).toBe(200);
        const entries = res.body as { kind: string; record: Record<string, unknown> }[];
        expect(
            entries.filter((e) => e.kind === 'message').map((e) => [e.record.body, e.record.visibility])
        ).toEqual([
            ['First', 'both'],
            ['Second', 'buyer'],
            ['Third', 'internal'],
        ]);
        expect(entries.filter((e) => e.kind === 'event').map((e) => e.record.action)).toEqual([
            'party_message',
            'staff_message',
            'staff_message',
        ]);
    });
});
