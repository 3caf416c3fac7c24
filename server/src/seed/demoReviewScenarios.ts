import { percentOf } from '../../../shared/money';
import { DAY_MS, HOUR_MS } from '../../../shared/policy';
import { Buyer, type Decision } from '../entities';
import type { DisputeStory } from './demoData';
import { ago, later, soonAfter, toEscalated, type DemoContext } from './demoLifecycle';
import type { Slot } from './demoPlan';
import { answerEvidence, partiesOf, pickUp, requestEvidence } from './demoReview';
import { approve, overturn, reject, rule, settle, type Ruling } from './demoRulings';

/** What a mediator would award: frequent disputers get less, lost parcels mostly a full refund. */
function rulingAmount(ctx: DemoContext, story: DisputeStory, mustRefund: boolean): number {
    const { random } = ctx;
    const { total } = story.order;
    const { goodsReceived, requestedSolution, requestedAmount } = story.dispute;
    if (!mustRefund && random.chance(story.buyer.flagged ? 0.5 : 0.2)) return 0;
    if (!goodsReceived) return total;
    const partial = () => Math.min(total - 1, Math.max(1, percentOf(total, random.int(25, 60))));
    if (requestedSolution.startsWith('partial')) return random.chance(0.6) ? requestedAmount : partial();
    return random.chance(0.65) || total < 2 ? total : partial();
}

/** Escalated `since` ago and picked up by the mediator of this index. */
async function inReview(ctx: DemoContext, slot: Slot, index: number, since: number, fourEyes = false) {
    const mediator = ctx.staff.mediators[index % 2];
    const story = await toEscalated(ctx, slot, ago(ctx, since), fourEyes);
    const pickedAt = soonAfter(ctx, story.dispute.escalatedAt as Date, 20 * 60_000, 30 * HOUR_MS);
    await pickUp(ctx, story, pickedAt, mediator);
    return { story, mediator, pickedAt };
}

/** A full evidence round: asked, answered by everyone asked, back in review. Returns when it ended. */
async function evidenceRound(
    ctx: DemoContext,
    story: DisputeStory,
    mediator: number,
    after: Date,
    maxMs: number
) {
    const requestedAt = soonAfter(ctx, after, HOUR_MS, maxMs / 3);
    const request = await requestEvidence(ctx, story, requestedAt, mediator);
    let at = requestedAt;
    for (const party of partiesOf(request)) {
        at = soonAfter(ctx, at, 2 * HOUR_MS, maxMs / 3);
        await answerEvidence(ctx, story, request, party, at);
    }
    return at;
}

async function inReviewScenario(ctx: DemoContext, slot: Slot, index: number) {
    const since = index === 0 ? ctx.random.days(7.2, 9) : ctx.random.days(0.8, 6.5);
    const { story, mediator, pickedAt } = await inReview(ctx, slot, index, since);
    const roomForEvidence = ctx.now.getTime() - pickedAt.getTime() > 12 * HOUR_MS;
    if (index % 3 === 1 && roomForEvidence) await evidenceRound(ctx, story, mediator, pickedAt, 2 * DAY_MS);
    return story;
}

async function awaitingEvidence(ctx: DemoContext, slot: Slot, index: number) {
    const { random, now } = ctx;
    const { story, mediator, pickedAt } = await inReview(ctx, slot, index, random.days(1.5, 6));
    const requestedAt = soonAfter(ctx, pickedAt, HOUR_MS, 3 * DAY_MS);
    const request = await requestEvidence(ctx, story, requestedAt, mediator, now);
    if (request.requestedFrom === 'both' && random.chance(0.5)) {
        const at = soonAfter(ctx, request.createdAt, HOUR_MS, DAY_MS);
        await answerEvidence(ctx, story, request, 'buyer', at);
    }
    return story;
}

async function pendingApproval(ctx: DemoContext, slot: Slot, index: number) {
    const { random } = ctx;
    const { story, pickedAt } = await inReview(ctx, slot, index, random.days(2.5, 6.5), true);
    // A flagged buyer's ruling waits whatever its amount; the buyer's ratings say so when it is made.
    const flagged = async () =>
        (await ctx.tx.getRepository(Buyer).findOneByOrFail({ id: story.buyer.id })).flagged;
    const amount = async () => ((await flagged()) ? rulingAmount(ctx, story, true) : story.order.total);
    let ruledAt = soonAfter(ctx, pickedAt, 2 * HOUR_MS, DAY_MS);
    if (index === 0) {
        // A first ruling the supervisor sent back, then a new one.
        const first = await rule(ctx, story, ruledAt, await amount());
        const rejectedAt = soonAfter(ctx, ruledAt, HOUR_MS, 12 * HOUR_MS);
        await reject(ctx, story, asPending(story, first), rejectedAt);
        ruledAt = soonAfter(ctx, rejectedAt, HOUR_MS, 12 * HOUR_MS);
    }
    asPending(story, await rule(ctx, story, ruledAt, await amount()));
    return story;
}

/** The ruling of a four-eyes scenario, which must be waiting for the supervisor. */
function asPending(story: DisputeStory, decision: Decision): Decision {
    if (decision.status !== 'pending_approval') {
        throw new Error(`Demo dispute ${story.id}: the ruling did not need approval`);
    }
    return decision;
}

/** Rule, have it approved when four-eyes applies; returns the issued ruling. */
async function ruleAndIssue(
    ctx: DemoContext,
    story: DisputeStory,
    at: Date,
    amount: number
): Promise<Ruling> {
    const decision = await rule(ctx, story, at, amount);
    if (decision.status === 'issued') return { decision, at };
    return approve(ctx, story, decision, soonAfter(ctx, at, HOUR_MS, 12 * HOUR_MS));
}

async function decided(ctx: DemoContext, slot: Slot, index: number) {
    const { random } = ctx;
    // The first few have a refund older than the 15-day limit: an alert on the dashboard.
    const since = index < 3 ? random.days(24, 32) : random.days(6, 20);
    const { story, mediator, pickedAt } = await inReview(ctx, slot, index, since);
    let last = pickedAt;
    if (index % 4 === 2) last = await evidenceRound(ctx, story, mediator, last, 2 * DAY_MS);
    const at = soonAfter(ctx, last, 3 * HOUR_MS, 60 * HOUR_MS);
    // The refund is requested (after the return, when there is one) but not paid yet.
    await settle(ctx, story, await ruleAndIssue(ctx, story, at, rulingAmount(ctx, story, true)), false);
    return story;
}

async function closed(ctx: DemoContext, slot: Slot, index: number) {
    const { random } = ctx;
    const overturned = index < 2;
    const since = overturned ? random.days(40, 100) : random.days(16, 160);
    const { story, mediator, pickedAt } = await inReview(ctx, slot, index, since);
    let last = pickedAt;
    if (index % 4 === 1) last = await evidenceRound(ctx, story, mediator, last, 3 * DAY_MS);
    const amount = overturned ? 0 : rulingAmount(ctx, story, false);
    let ruled = await ruleAndIssue(ctx, story, soonAfter(ctx, last, 3 * HOUR_MS, 96 * HOUR_MS), amount);
    if (overturned) {
        const overturnedAt = later(ruled.at, random.days(2, 6));
        await overturn(ctx, story, ruled.decision, overturnedAt);
        const again = later(overturnedAt, random.days(0.5, 2));
        ruled = await ruleAndIssue(ctx, story, again, story.order.total);
    }
    await settle(ctx, story, ruled, true);
    if (story.dispute.status !== 'closed') throw new Error(`Demo dispute ${story.id} did not close`);
    return story;
}

export const REVIEW_SCENARIOS = {
    in_review: inReviewScenario,
    awaiting_evidence: awaitingEvidence,
    pending_approval: pendingApproval,
    decided,
    closed,
};
