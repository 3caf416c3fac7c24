import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Dispute, DisputeEvent } from '../../server/src/entities';
import { buildBuyer, buildDispute, daysFromNow } from '../helpers/factories';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** Every simulated mediator signs in from the test's one address at the same moment. */
const MANY_SIGN_INS = { POLICY_LOGIN_ADDRESS_FAILURE_LIMIT: '1000' };
/** Dozens of sign-ins (a slow password hash each) before the race itself, on a shared machine. */
const RACE_TIMEOUT_MS = 120_000;

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp(MANY_SIGN_INS);
});
afterAll(() => ctx.close());

describe('POST /api/disputes/:id/pickup', () => {
    it('gives an escalated dispute to the caller, in review, with a timeline entry and an audit event', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
        const mediator = await ctx.as('mediator', 'pick-1');
        const res = await mediator.post(`/api/disputes/${dispute.id}/pickup`).send({});
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
            id: dispute.id,
            status: 'in_review',
            assigneeId: mediator.staff.id,
            version: 2,
        });
        const events = await ctx.dataSource.getRepository(DisputeEvent).findBy({ disputeId: dispute.id });
        expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorStaffId])).toEqual([
            ['pickup', 'escalated', 'in_review', mediator.staff.id],
        ]);
        const audit = await ctx.dataSource
            .getRepository(AuditEvent)
            .findBy({ action: 'dispute.pickup', entityId: String(dispute.id) });
        expect(audit).toHaveLength(1);
        expect(audit[0].actorId).toBe(mediator.staff.id);
    });

    it(
        'gives the dispute to exactly one of 50 mediators racing for it; the others get 409 naming the holder',
        async () => {
            const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
            const mediators = await Promise.all(
                Array.from({ length: 50 }, (_, i) => ctx.as('mediator', `racer-${i}`))
            );
            const results = await Promise.all(
                mediators.map((m) => m.post(`/api/disputes/${dispute.id}/pickup`).send({}))
            );
            const winners = results.filter((r) => r.status === 200);
            const losers = results.filter((r) => r.status === 409);
            expect(winners).toHaveLength(1);
            expect(losers).toHaveLength(49);
            const holder = mediators.find((m) => m.staff.id === winners[0].body.assigneeId)!;
            for (const loser of losers) expect(loser.body.message).toContain(holder.staff.fullName);
            const stored = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: dispute.id });
            expect(stored.assigneeId).toBe(holder.staff.id);
            expect(await ctx.dataSource.getRepository(DisputeEvent).countBy({ disputeId: dispute.id })).toBe(
                1
            );
        },
        RACE_TIMEOUT_MS
    );

    it('refuses an 11th dispute in review to one mediator', async () => {
        const mediator = await ctx.as('mediator', 'busy');
        for (let i = 0; i < 10; i++) {
            const d = await buildDispute(ctx.dataSource, { status: 'escalated' });
            expect((await mediator.post(`/api/disputes/${d.id}/pickup`).send({})).status).toBe(200);
        }
        const eleventh = await buildDispute(ctx.dataSource, { status: 'escalated' });
        const res = await mediator.post(`/api/disputes/${eleventh.id}/pickup`).send({});
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(/limit is 10/);
    });

    it('answers 409 naming the state and the allowed actions for a dispute not in the queue', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'negotiating' });
        const mediator = await ctx.as('mediator', 'wrong-state');
        const res = await mediator.post(`/api/disputes/${dispute.id}/pickup`).send({});
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(/it is negotiating/);
    });

    it('is refused to support staff', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
        const support = await ctx.as('support');
        expect((await support.post(`/api/disputes/${dispute.id}/pickup`).send({})).status).toBe(403);
    });
});

describe('POST /api/queue/next', () => {
    it('claims the most urgent matching dispute, and 404 when none matches', async () => {
        const fresh = await createTestApp();
        try {
            const later = await buildDispute(fresh.dataSource, {
                status: 'escalated',
                slaDueAt: daysFromNow(3),
            });
            const urgent = await buildDispute(fresh.dataSource, {
                status: 'escalated',
                slaDueAt: daysFromNow(1),
            });
            const mediator = await fresh.as('mediator');
            const first = await mediator.post('/api/queue/next').send({});
            expect(first.status).toBe(200);
            expect(first.body).toMatchObject({
                id: urgent.id,
                status: 'in_review',
                assigneeId: mediator.staff.id,
            });
            const filtered = await mediator.post('/api/queue/next').send({ filter: { currency: 'JPY' } });
            expect(filtered.status).toBe(404);
            const second = await mediator.post('/api/queue/next').send({});
            expect(second.body.id).toBe(later.id);
            expect((await mediator.post('/api/queue/next').send({})).status).toBe(404);
        } finally {
            await fresh.close();
        }
    });

    it(
        'gives 64 concurrent callers 64 different disputes',
        async () => {
            const fresh = await createTestApp(MANY_SIGN_INS);
            try {
                for (let i = 0; i < 70; i++) {
                    await buildDispute(fresh.dataSource, {
                        status: 'escalated',
                        slaDueAt: daysFromNow(1 + i / 10),
                    });
                }
                const mediators = await Promise.all(
                    Array.from({ length: 64 }, (_, i) => fresh.as('mediator', `next-${i}`))
                );
                const results = await Promise.all(mediators.map((m) => m.post('/api/queue/next').send({})));
                expect(results.map((r) => r.status)).toEqual(Array(64).fill(200));
                expect(new Set(results.map((r) => r.body.id)).size).toBe(64);
            } finally {
                await fresh.close();
            }
        },
        RACE_TIMEOUT_MS
    );

    it(
        'refuses the next case to a mediator who already holds the limit, and takes nothing',
        async () => {
            const fresh = await createTestApp({ POLICY_MAX_CASES_PER_MEDIATOR: '2' });
            try {
                for (let i = 0; i < 3; i++) await buildDispute(fresh.dataSource, { status: 'escalated' });
                const mediator = await fresh.as('mediator');
                expect((await mediator.post('/api/queue/next').send({})).status).toBe(200);
                expect((await mediator.post('/api/queue/next').send({})).status).toBe(200);
                const third = await mediator.post('/api/queue/next').send({});
                expect(third.status).toBe(409);
                expect(third.body.message).toMatch(/limit is 2/);
                expect(await fresh.dataSource.getRepository(Dispute).countBy({ status: 'escalated' })).toBe(
                    1
                );
            } finally {
                await fresh.close();
            }
        },
        RACE_TIMEOUT_MS
    );

    it('narrows the claim by filters on the buyer (a joined table)', async () => {
        const fresh = await createTestApp();
        try {
            const flaggedBuyer = await buildBuyer(fresh.dataSource, { flagged: true });
            await buildDispute(fresh.dataSource, { status: 'escalated', slaDueAt: daysFromNow(1) });
            const flagged = await buildDispute(fresh.dataSource, {
                status: 'escalated',
                slaDueAt: daysFromNow(2),
                buyer: flaggedBuyer,
            });
            const mediator = await fresh.as('mediator');
            const res = await mediator.post('/api/queue/next').send({ filter: { buyerFlagged: true } });
            expect(res.status).toBe(200);
            expect(res.body).toMatchObject({
                id: flagged.id,
                buyerFlagged: true,
                status: 'in_review',
                version: flagged.version + 1,
            });
            const events = await fresh.dataSource
                .getRepository(DisputeEvent)
                .findBy({ disputeId: flagged.id });
            expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorStaffId])).toEqual([
                ['pickup', 'escalated', 'in_review', mediator.staff.id],
            ]);
        } finally {
            await fresh.close();
        }
    });

    it('refuses unknown filters with 400', async () => {
        const mediator = await ctx.as('mediator', 'filters');
        const res = await mediator.post('/api/queue/next').send({ filter: { status: 'closed' } });
        expect(res.status).toBe(400);
        expect(res.body.message).toMatch(/Unknown queue filter "status"/);
    });
});

describe('GET /api/queue/counts', () => {
    it('counts the queue and, per filter, what each value would leave with the other filters applied', async () => {
        const fresh = await createTestApp();
        try {
            const flagged = await buildBuyer(fresh.dataSource, { flagged: true, country: 'RU' });
            await buildDispute(fresh.dataSource, { status: 'escalated', reason: 'defective' });
            await buildDispute(fresh.dataSource, {
                status: 'escalated',
                reason: 'defective',
                buyer: flagged,
            });
            await buildDispute(fresh.dataSource, {
                status: 'escalated',
                reason: 'counterfeit',
                goodsReceived: false,
            });
            await buildDispute(fresh.dataSource, { status: 'in_review', reason: 'defective' });
            const support = await fresh.as('support');
            const res = await support.get(
                `/api/queue/counts?filter=${encodeURIComponent('{"reason":"defective"}')}`
            );
            expect(res.status).toBe(200);
            expect(res.body.total).toBe(2);
            expect(res.body.facets.reason).toEqual({ defective: 2, counterfeit: 1 });
            expect(res.body.facets.goodsReceived).toEqual({ true: 2 });
            expect(res.body.facets.buyerFlagged).toEqual({ true: 1, false: 1 });
            expect(res.body.facets.buyerCountry.RU).toBe(1);
        } finally {
            await fresh.close();
        }
    });
});
