import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../shared/policy';
import {
    buyerScore,
    disputeRatePermille,
    frequentDisputer,
    sellerScore,
    type BuyerFigures,
    type SellerFigures,
} from '../../shared/reputation';
import { Buyer, Seller } from '../../server/src/entities';
import { runDueJobs } from '../../server/src/jobs/scheduler';
import type { Agent } from '../helpers/agent';
import { buildBuyer, buildDispute, buildOrder, buildSeller, DAY } from '../helpers/factories';
import { auditEventsOf, integrationPost, openDisputeBody, openThroughApi } from '../helpers/integration';
import { auditOf } from '../helpers/jobs';
import { listUrl } from '../helpers/rest';
import { freshAgent } from '../helpers/sessions';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp({ POLICY_MAX_CASES_PER_MEDIATOR: '1000' });
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set(TEST_NOW));

const MINUTE = 60_000;

const buyerByExternalId = (externalId: string) =>
    ctx.dataSource.getRepository(Buyer).findOneByOrFail({ externalId });
const sellerByExternalId = (externalId: string) =>
    ctx.dataSource.getRepository(Seller).findOneByOrFail({ externalId });
const storedBuyer = (id: number) => ctx.dataSource.getRepository(Buyer).findOneByOrFail({ id });

/** Opens `count` disputes for one buyer (and one seller), each on a new order. */
async function openMany(
    count: number,
    buyerExternalId: string,
    sellerExternalId = `${buyerExternalId}-store`
) {
    const opened = [];
    for (let i = 0; i < count; i++) {
        opened.push(
            await openThroughApi(ctx, {
                buyer: { externalId: buyerExternalId },
                seller: { externalId: sellerExternalId },
            })
        );
    }
    return opened;
}

const offer = (disputeId: number, amount: number, solution = 'partial_refund_keep') =>
    integrationPost(ctx, `/disputes/${disputeId}/offers`, { solution, amount });

async function supervisor(): Promise<Agent> {
    return freshAgent(ctx, 'supervisor');
}

const NO_FIGURES: BuyerFigures = {
    ordersCount: 0,
    disputesCount: 0,
    disputes90dCount: 0,
    disputesPartialCount: 0,
    disputesLostCount: 0,
    escalationsCount: 0,
    penaltyCount: 0,
};

const NO_SELLER_FIGURES: SellerFigures = {
    ordersCount: 0,
    disputesCount: 0,
    disputesLostCount: 0,
    disputesPartialCount: 0,
    sellerTimeoutCount: 0,
    offersAcceptedCount: 0,
};

describe('the score formula (shared/reputation.ts)', () => {
    it('gives a buyer without disputes 100 and takes each deduction up to its cap', () => {
        expect(buyerScore(NO_FIGURES)).toBe(100);
        // 1 point per whole percent of orders disputed, at most 30.
        expect(buyerScore({ ...NO_FIGURES, ordersCount: 100, disputesCount: 7 })).toBe(93);
        expect(buyerScore({ ...NO_FIGURES, ordersCount: 10, disputesCount: 10 })).toBe(70);
        // 4 per lost dispute (max 20), 2 per partial (max 10), 10 per kept-open (max 20).
        expect(buyerScore({ ...NO_FIGURES, disputesLostCount: 2 })).toBe(92);
        expect(buyerScore({ ...NO_FIGURES, disputesLostCount: 9 })).toBe(80);
        expect(buyerScore({ ...NO_FIGURES, disputesPartialCount: 3 })).toBe(94);
        expect(buyerScore({ ...NO_FIGURES, disputesPartialCount: 30 })).toBe(90);
        expect(buyerScore({ ...NO_FIGURES, penaltyCount: 1 })).toBe(90);
        expect(buyerScore({ ...NO_FIGURES, penaltyCount: 5 })).toBe(80);
        // Recent disputes: 2 for each beyond the first (max 10); escalations: 1 each (max 10).
        expect(buyerScore({ ...NO_FIGURES, disputes90dCount: 1 })).toBe(100);
        expect(buyerScore({ ...NO_FIGURES, disputes90dCount: 3 })).toBe(96);
        expect(buyerScore({ ...NO_FIGURES, disputes90dCount: 30 })).toBe(90);
        expect(buyerScore({ ...NO_FIGURES, escalationsCount: 4 })).toBe(96);
        expect(buyerScore({ ...NO_FIGURES, escalationsCount: 40 })).toBe(90);
        // Won disputes cost nothing.
        expect(buyerScore({ ...NO_FIGURES, ordersCount: 1000, disputesCount: 4, disputes90dCount: 1 })).toBe(
            100
        );
    });

    it('never leaves 0–100', () => {
        const worst = {
            ordersCount: 10,
            disputesCount: 10,
            disputes90dCount: 10,
            disputesPartialCount: 10,
            disputesLostCount: 10,
            escalationsCount: 10,
            penaltyCount: 10,
        };
        expect(buyerScore(worst)).toBe(0);
        expect(sellerScore({ ...NO_SELLER_FIGURES, offersAcceptedCount: 50 })).toBe(100);
    });

    it('scores a seller on its rate, losses, timeouts, with accepted offers in its favour', () => {
        expect(sellerScore(NO_SELLER_FIGURES)).toBe(100);
        // 2 points per whole percent of orders disputed: 5 % → 10.
        expect(sellerScore({ ...NO_SELLER_FIGURES, ordersCount: 200, disputesCount: 10 })).toBe(90);
        expect(sellerScore({ ...NO_SELLER_FIGURES, disputesLostCount: 4 })).toBe(88);
        expect(sellerScore({ ...NO_SELLER_FIGURES, disputesPartialCount: 4 })).toBe(96);
        expect(sellerScore({ ...NO_SELLER_FIGURES, sellerTimeoutCount: 2 })).toBe(90);
        expect(sellerScore({ ...NO_SELLER_FIGURES, sellerTimeoutCount: 2, offersAcceptedCount: 3 })).toBe(93);
        expect(sellerScore({ ...NO_SELLER_FIGURES, sellerTimeoutCount: 10 })).toBe(75);
    });

    it('rounds the dispute rate to permille and is 0 without orders', () => {
        expect(disputeRatePermille(1, 3)).toBe(333);
        expect(disputeRatePermille(2, 3)).toBe(667);
        expect(disputeRatePermille(5, 0)).toBe(0);
    });
});

describe('the frequent-disputer rule at its boundaries', () => {
    const policy = DEFAULT_POLICY;
    const rule = (input: { ordersCount: number; disputesCount: number; disputesInWindow: number }) =>
        frequentDisputer(input, policy);

    it('flags at the threshold of disputes within the window, not one below', () => {
        expect(policy.frequentDisputerThreshold).toBe(5);
        expect(rule({ ordersCount: 1000, disputesCount: 4, disputesInWindow: 4 })).toEqual({
            flagged: false,
            reason: null,
        });
        expect(rule({ ordersCount: 1000, disputesCount: 5, disputesInWindow: 5 })).toEqual({
            flagged: true,
            reason: '5 disputes in the last 180 days (threshold 5)',
        });
    });

    it('flags a rate above 20 % over at least 10 orders: not at 20 %, not under 10 orders', () => {
        expect(rule({ ordersCount: 10, disputesCount: 2, disputesInWindow: 0 }).flagged).toBe(false);
        expect(rule({ ordersCount: 10, disputesCount: 3, disputesInWindow: 0 })).toEqual({
            flagged: true,
            reason: 'Dispute rate 30.0 % over 10 orders (above 20 %)',
        });
        expect(rule({ ordersCount: 9, disputesCount: 3, disputesInWindow: 0 }).flagged).toBe(false);
        // Exactly, not on a rounded rate: 201 of 1000 is above, 200 of 1000 is not.
        expect(rule({ ordersCount: 1000, disputesCount: 201, disputesInWindow: 0 }).flagged).toBe(true);
        expect(rule({ ordersCount: 1000, disputesCount: 200, disputesInWindow: 0 }).flagged).toBe(false);
    });
});

describe('buyer counters, moved by the integration API in the same transaction', () => {
    it('counts orders and disputes at opening, with the recent figure, the rate and the score', async () => {
        const [first] = await openMany(2, 'counted-buyer');
        const buyer = await buyerByExternalId('counted-buyer');
        expect(buyer).toMatchObject({
            ordersCount: 2,
            disputesCount: 2,
            disputes90dCount: 2,
            disputeRatePermille: 1000,
            // 100 − 30 (rate 100 %, capped) − 2 (one recent dispute beyond the first)
            score: 68,
            flagged: false,
        });
        const seller = await sellerByExternalId('counted-buyer-store');
        expect(seller).toMatchObject({
            ordersCount: 2,
            disputesCount: 2,
            disputeRatePermille: 1000,
            score: 70,
        });

        // Reopening the same order later is not a new order.
        const withdrawn = await integrationPost(ctx, `/disputes/${first.id}/withdraw`, {});
        expect(withdrawn.status).toBe(200);
        expect((await buyerByExternalId('counted-buyer')).ordersCount).toBe(2);
    });

    it("takes the marketplace's order counts when they are above the desk's own", async () => {
        const open = (ordersCount: number, sellerOrders?: number) =>
            openThroughApi(ctx, {
                buyer: { externalId: 'loyal-buyer', ordersCount },
                seller: { externalId: 'loyal-store', ...(sellerOrders ? { ordersCount: sellerOrders } : {}) },
            });
        await open(40, 400);
        expect(await buyerByExternalId('loyal-buyer')).toMatchObject({
            ordersCount: 40,
            disputeRatePermille: 25,
            // 100 − 3 (rate 2.5 % → 3 points)
            score: 97,
        });
        expect(await sellerByExternalId('loyal-store')).toMatchObject({
            ordersCount: 400,
            disputeRatePermille: 3,
        });
        // A lower figure never takes back what was known; without one, a new order counts.
        await open(5);
        expect(await buyerByExternalId('loyal-buyer')).toMatchObject({
            ordersCount: 40,
            disputeRatePermille: 50,
        });
        await openThroughApi(ctx, { buyer: { externalId: 'loyal-buyer' } });
        expect(await buyerByExternalId('loyal-buyer')).toMatchObject({
            ordersCount: 41,
            disputeRatePermille: 73,
        });

        const refused = await integrationPost(
            ctx,
            '/disputes',
            openDisputeBody(ctx, { buyer: { externalId: 'loyal-buyer', ordersCount: 0 } })
        );
        expect(refused.status).toBe(400);
        expect(refused.body.errors).toEqual({ 'buyer.ordersCount': 'must be at least 1 (this order)' });
    });

    it('flags, at the opening that crosses it, a dispute rate above 20 % of at least 10 orders', async () => {
        const open = () => openThroughApi(ctx, { buyer: { externalId: 'rate-buyer', ordersCount: 10 } });
        await open();
        await open();
        // 2 of 10: exactly 20 %, not above.
        expect(await buyerByExternalId('rate-buyer')).toMatchObject({
            flagged: false,
            disputeRatePermille: 200,
        });
        await open();
        expect(await buyerByExternalId('rate-buyer')).toMatchObject({
            flagged: true,
            flagReason: 'Dispute rate 30.0 % over 10 orders (above 20 %)',
        });
    });

    it('counts the escalations the buyer makes', async () => {
        const [opened] = await openMany(1, 'escalating-buyer');
        ctx.clock.advance(DEFAULT_POLICY.buyerEscalationAfterDays * DAY);
        await offer(opened.id, 500);
        const res = await integrationPost(ctx, `/disputes/${opened.id}/escalate`, {});
        expect(res.status).toBe(200);
        expect(await buyerByExternalId('escalating-buyer')).toMatchObject({
            escalationsCount: 1,
            penaltyCount: 0,
            // 100 − 30 (rate) − 1 (escalation)
            score: 69,
        });
    });

    it('penalises keeping a dispute open after being offered all that was asked, once per dispute', async () => {
        const [opened] = await openMany(1, 'kept-open-buyer');
        // The claim: a partial refund of 2000, keeping the goods.
        const made = await offer(opened.id, 2000);
        expect(made.status).toBe(201);
        const rejected = await integrationPost(
            ctx,
            `/disputes/${opened.id}/offers/${made.body.id}/reject`,
            {}
        );
        expect(rejected.status).toBe(200);
        expect((await buyerByExternalId('kept-open-buyer')).penaltyCount).toBe(1);

        // A second satisfying offer, then an escalation past it: the same dispute, counted once.
        await offer(opened.id, 2500);
        ctx.clock.advance(DEFAULT_POLICY.buyerEscalationAfterDays * DAY);
        expect((await integrationPost(ctx, `/disputes/${opened.id}/escalate`, {})).status).toBe(200);
        expect(await buyerByExternalId('kept-open-buyer')).toMatchObject({
            penaltyCount: 1,
            escalationsCount: 1,
        });
    });

    it('does not penalise rejecting less than was asked, or an offer that wants the goods back', async () => {
        const [low, returning] = await openMany(2, 'fair-buyer');
        const lowOffer = await offer(low.id, 1999);
        await integrationPost(ctx, `/disputes/${low.id}/offers/${lowOffer.body.id}/reject`, {});
        const returnOffer = await offer(returning.id, 5000, 'full_refund_return');
        await integrationPost(ctx, `/disputes/${returning.id}/offers/${returnOffer.body.id}/reject`, {});
        expect((await buyerByExternalId('fair-buyer')).penaltyCount).toBe(0);
    });

    it('penalises escalating while an offer of all that was asked is pending', async () => {
        const [opened] = await openMany(1, 'escalate-past-buyer');
        await offer(opened.id, 2000);
        ctx.clock.advance(DEFAULT_POLICY.buyerEscalationAfterDays * DAY);
        await integrationPost(ctx, `/disputes/${opened.id}/escalate`, {});
        expect((await buyerByExternalId('escalate-past-buyer')).penaltyCount).toBe(1);
    });

    it('drops a dispute from the recent figure 90 days after it was opened (the ratings timer)', async () => {
        await openMany(1, 'ageing-buyer');
        const opened = await buyerByExternalId('ageing-buyer');
        expect(opened).toMatchObject({ disputes90dCount: 1 });
        expect(opened.ratingsDueAt?.toISOString()).toBe(
            new Date(TEST_NOW.getTime() + 90 * DAY).toISOString()
        );

        ctx.clock.set(new Date(TEST_NOW.getTime() + 90 * DAY - MINUTE));
        await runDueJobs(ctx);
        expect((await storedBuyer(opened.id)).disputes90dCount).toBe(1);

        ctx.clock.set(new Date(TEST_NOW.getTime() + 90 * DAY));
        await runDueJobs(ctx);
        const aged = await storedBuyer(opened.id);
        expect(aged.disputes90dCount).toBe(0);
        // Next: when the dispute leaves the 180-day flag window.
        expect(aged.ratingsDueAt?.toISOString()).toBe(new Date(TEST_NOW.getTime() + 180 * DAY).toISOString());
    });

    it('counts a ruling against the buyer and scores it', async () => {
        const buyer = await buildBuyer(ctx.dataSource, {
            ordersCount: 100,
            disputesCount: 1,
            disputesWonCount: 0,
        });
        const order = await buildOrder(ctx.dataSource, { buyer });
        const mediator = await freshAgent(ctx, 'mediator');
        const dispute = await buildDispute(ctx.dataSource, {
            order,
            status: 'in_review',
            assigneeId: mediator.staff.id,
            assignedAt: TEST_NOW,
        });
        const res = await mediator
            .post(`/api/disputes/${dispute.id}/decision`)
            .set('Idempotency-Key', `ratings-rule-${dispute.id}`)
            .send({
                refundAmount: 0,
                returnRequired: false,
                rationaleBuyer: 'The tracking shows the parcel was delivered and signed for by the buyer.',
                rationaleSeller: 'The tracking shows delivery to the buyer; no refund is due on this claim.',
                evidenceIds: [],
            });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        // 100 − 1 (rate 1 %) − 4 (one lost dispute)
        expect(await storedBuyer(buyer.id)).toMatchObject({ disputesLostCount: 1, score: 95 });
    });
});

describe('seller counters', () => {
    it('counts a seller who never answered (timeout) and offers the buyer accepted', async () => {
        const [silent] = await openMany(1, 'timeout-buyer', 'timeout-store');
        const [settled] = await openMany(1, 'settling-buyer', 'timeout-store');
        const made = await offer(settled.id, 1500);
        expect(
            (await integrationPost(ctx, `/disputes/${settled.id}/offers/${made.body.id}/accept`, {})).status
        ).toBe(200);
        ctx.clock.advance(DEFAULT_POLICY.sellerResponseDays * DAY + MINUTE);
        await runDueJobs(ctx);
        const res = await (await supervisor()).get(`/api/sellers/${silent.sellerId}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
            sellerTimeoutCount: 1,
            offersAcceptedCount: 1,
            disputesCount: 2,
            disputeRatePermille: 1000,
            // 100 − 30 (rate, capped) − 5 (timeout) + 1 (accepted offer)
            score: 66,
        });
    });
});

describe('the frequent-disputer flag', () => {
    it('flags the buyer who opens the fifth dispute within the window, in the same transaction', async () => {
        await openMany(4, 'frequent-buyer');
        expect(await buyerByExternalId('frequent-buyer')).toMatchObject({ flagged: false, flagReason: null });
        await openMany(1, 'frequent-buyer');
        expect(await buyerByExternalId('frequent-buyer')).toMatchObject({
            flagged: true,
            flagReason: '5 disputes in the last 180 days (threshold 5)',
        });
    });

    it('counts disputes younger than the window and lifts the flag when the oldest leaves it', async () => {
        const buyer = await buildBuyer(ctx.dataSource, {
            ordersCount: 1000,
            disputesCount: 5,
            ratingsDueAt: TEST_NOW,
        });
        const ages = [180 * DAY, 180 * DAY - MINUTE, 100 * DAY, 10 * DAY, 1 * DAY, 0];
        for (const age of ages) {
            const at = new Date(TEST_NOW.getTime() - age);
            await buildDispute(ctx.dataSource, { buyer, status: 'withdrawn', openedAt: at, createdAt: at });
        }
        await runDueJobs(ctx);
        // Exactly 180 days old is outside; a minute younger is inside: 5 in the window.
        expect(await storedBuyer(buyer.id)).toMatchObject({ flagged: true, disputes90dCount: 3 });

        ctx.clock.advance(MINUTE);
        await runDueJobs(ctx);
        expect(await storedBuyer(buyer.id)).toMatchObject({ flagged: false, flagReason: null });
    });

    it('flags a dispute rate above 20 % over at least 10 orders', async () => {
        const atLimit = await buildBuyer(ctx.dataSource, {
            ordersCount: 10,
            disputesCount: 2,
            ratingsDueAt: TEST_NOW,
        });
        const above = await buildBuyer(ctx.dataSource, {
            ordersCount: 10,
            disputesCount: 3,
            ratingsDueAt: TEST_NOW,
        });
        const few = await buildBuyer(ctx.dataSource, {
            ordersCount: 9,
            disputesCount: 3,
            ratingsDueAt: TEST_NOW,
        });
        await runDueJobs(ctx);
        expect((await storedBuyer(atLimit.id)).flagged).toBe(false);
        expect(await storedBuyer(above.id)).toMatchObject({
            flagged: true,
            flagReason: 'Dispute rate 30.0 % over 10 orders (above 20 %)',
            disputeRatePermille: 300,
        });
        expect((await storedBuyer(few.id)).flagged).toBe(false);
    });

    it("sends the flagged buyer's rulings to four-eyes, and not the others'", async () => {
        await openMany(5, 'four-eyes-buyer');
        const flagged = await buyerByExternalId('four-eyes-buyer');
        const plain = await buildBuyer(ctx.dataSource);
        const mediator = await freshAgent(ctx, 'mediator');
        const statusAfterRuling = async (buyer: Buyer) => {
            const order = await buildOrder(ctx.dataSource, { buyer, unitPrice: 5000 });
            const dispute = await buildDispute(ctx.dataSource, {
                order,
                status: 'in_review',
                assigneeId: mediator.staff.id,
                assignedAt: TEST_NOW,
            });
            const res = await mediator
                .post(`/api/disputes/${dispute.id}/decision`)
                .set('Idempotency-Key', `four-eyes-${dispute.id}`)
                .send({
                    refundAmount: 1000,
                    returnRequired: false,
                    rationaleBuyer: 'The photos show a defect; a partial refund covers the repair.',
                    rationaleSeller:
                        'The defect is visible on the photos; the partial refund is proportionate.',
                    evidenceIds: [],
                });
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            return (await (await supervisor()).get(`/api/disputes/${dispute.id}`)).body.status;
        };
        expect(await statusAfterRuling(flagged)).toBe('pending_approval');
        expect(await statusAfterRuling(plain)).toBe('decided');
    });
});

describe('POST /api/buyers/:id/block and /unblock', () => {
    it('lets a supervisor block with a reason, audited, and refuses the blocked buyer a new dispute (422)', async () => {
        const [opened] = await openMany(1, 'blocked-buyer');
        const agent = await supervisor();
        const res = await agent.post(`/api/buyers/${opened.buyerId}/block`).send({ reason: 'Claims abuse' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({
            id: opened.buyerId,
            blocked: true,
            blockReason: 'Claims abuse',
            blockedAt: TEST_NOW.toISOString(),
            blockedById: agent.staff.id,
        });
        const [audit] = await auditEventsOf(ctx, res);
        expect(audit).toMatchObject({
            action: 'buyer.block',
            entity: 'buyer',
            entityId: String(opened.buyerId),
            actorId: agent.staff.id,
            before: { blocked: false, blockReason: null },
            after: { blocked: true, blockReason: 'Claims abuse', reason: 'Claims abuse' },
        });

        const refused = await integrationPost(
            ctx,
            '/disputes',
            openDisputeBody(ctx, { buyer: { externalId: 'blocked-buyer' } })
        );
        expect(refused.status).toBe(422);
        expect(refused.body.message).toBe(
            'Buyer blocked-buyer is blocked from opening disputes: Claims abuse'
        );

        const again = await agent.post(`/api/buyers/${opened.buyerId}/block`).send({ reason: 'Twice' });
        expect(again.status).toBe(409);
        expect(again.body.message).toBe('Buyer blocked-buyer is already blocked');
    });

    it('lets a supervisor unblock with a reason; the buyer may open disputes again', async () => {
        const [opened] = await openMany(1, 'unblocked-buyer');
        const agent = await supervisor();
        expect(
            (await agent.post(`/api/buyers/${opened.buyerId}/block`).send({ reason: 'Abuse' })).status
        ).toBe(200);
        const res = await agent
            .post(`/api/buyers/${opened.buyerId}/unblock`)
            .send({ reason: 'Appeal accepted' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
            blocked: false,
            blockReason: null,
            blockedAt: null,
            blockedById: null,
        });
        const audits = await auditOf(ctx, 'buyer', opened.buyerId);
        expect(audits.map((a) => [a.action, a.after?.reason])).toEqual([
            ['buyer.block', 'Abuse'],
            ['buyer.unblock', 'Appeal accepted'],
        ]);
        const reopened = await integrationPost(
            ctx,
            '/disputes',
            openDisputeBody(ctx, { buyer: { externalId: 'unblocked-buyer' } })
        );
        expect(reopened.status).toBe(201);
        const again = await agent.post(`/api/buyers/${opened.buyerId}/unblock`).send({ reason: 'Again' });
        expect(again.status).toBe(409);
        expect(again.body.message).toBe('Buyer unblocked-buyer is not blocked');
    });

    it('refuses support and mediators (403), a missing reason (400), an unknown buyer (404)', async () => {
        const buyer = await buildBuyer(ctx.dataSource);
        for (const role of ['support', 'mediator'] as const) {
            const res = await (
                await freshAgent(ctx, role)
            )
                .post(`/api/buyers/${buyer.id}/block`)
                .send({ reason: 'x' });
            expect(res.status).toBe(403);
        }
        const agent = await supervisor();
        const missing = await agent.post(`/api/buyers/${buyer.id}/block`).send({});
        expect(missing.status).toBe(400);
        expect(missing.body.errors).toEqual({ reason: expect.any(String) });
        const blank = await agent.post(`/api/buyers/${buyer.id}/block`).send({ reason: '   ' });
        expect(blank.status).toBe(400);
        expect(blank.body.errors).toEqual({ reason: 'is required' });
        const unknown = await agent.post('/api/buyers/999999/block').send({ reason: 'Abuse' });
        expect(unknown.status).toBe(404);
        expect((await storedBuyer(buyer.id)).blocked).toBe(false);
    });
});

describe('GET /api/buyers and /api/sellers sorted and filtered by the rating figures', () => {
    it('sorts buyers by score and filters by score range, rate, flagged and blocked', async () => {
        const built = [];
        for (const [score, rate, flagged, blocked] of [
            [20, 400, true, true],
            [35, 300, true, false],
            [80, 50, false, false],
            [95, 10, false, false],
        ] as const) {
            built.push(
                await buildBuyer(ctx.dataSource, { score, disputeRatePermille: rate, flagged, blocked })
            );
        }
        const ids = built.map((b) => b.id);
        const agent = await supervisor();
        const list = (filter: object, sort: [string, string]) =>
            agent.get(listUrl('/api/buyers', { filter: { id: ids, ...filter }, sort, range: [0, 9] }));

        const byScore = await list({}, ['score', 'DESC']);
        expect(byScore.status).toBe(200);
        expect(byScore.body.map((b: Buyer) => b.score)).toEqual([95, 80, 35, 20]);
        expect(byScore.headers['content-range']).toBe('buyers 0-3/4');

        const low = await list({ score_lte: 50 }, ['disputeRatePermille', 'ASC']);
        expect(low.body.map((b: Buyer) => b.disputeRatePermille)).toEqual([300, 400]);
        const rated = await list({ disputeRatePermille_gte: 50 }, ['score', 'ASC']);
        expect(rated.body.map((b: Buyer) => b.score)).toEqual([20, 35, 80]);
        const flaggedOnly = await list({ flagged: true, blocked: false }, ['score', 'ASC']);
        expect(flaggedOnly.body.map((b: Buyer) => b.id)).toEqual([built[1].id]);
    });

    it('sorts sellers by seller timeouts and filters by score', async () => {
        const built = [];
        for (const [sellerTimeoutCount, score] of [
            [3, 60],
            [0, 100],
            [1, 90],
        ] as const) {
            built.push(await buildSeller(ctx.dataSource, { sellerTimeoutCount, score }));
        }
        const agent = await supervisor();
        const res = await agent.get(
            listUrl('/api/sellers', {
                filter: { id: built.map((s) => s.id), score_lte: 95 },
                sort: ['sellerTimeoutCount', 'DESC'],
                range: [0, 9],
            })
        );
        expect(res.status).toBe(200);
        expect(res.body.map((s: Seller) => [s.sellerTimeoutCount, s.score])).toEqual([
            [3, 60],
            [1, 90],
        ]);
    });
});
