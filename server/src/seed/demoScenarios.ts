import { DAY_MS, HOUR_MS } from '../../../shared/policy';
import type { DisputeStory } from './demoData';
import {
    agree,
    ago,
    between,
    later,
    negotiate,
    open,
    sellerResponds,
    sellerTimeout,
    soonAfter,
    toEscalated,
    withdraw,
    type DemoContext,
} from './demoLifecycle';
import { openStory } from './demoOrders';
import type { Scenario, Slot } from './demoPlan';
import { pickUp, release } from './demoReview';
import { REVIEW_SCENARIOS } from './demoReviewScenarios';

const WITHDRAW_NOTES = [
    'The parcel finally arrived, everything is fine.',
    'The seller sent a replacement, thank you.',
    'Sorted it out with the seller directly.',
    'Opened by mistake.',
];

async function negotiating(ctx: DemoContext, slot: Slot, index: number): Promise<DisputeStory> {
    const { random, policy } = ctx;
    if (index < 2) {
        // Withdrawn when the parcel seemed to arrive, reopened when it turned out empty.
        const story = openStory(ctx.data, random, slot, ago(ctx, random.days(8, 11)), policy);
        await open(ctx, story);
        const respondedAt = later(story.dispute.openedAt, random.hours(5, 30));
        await sellerResponds(ctx, story, respondedAt);
        const withdrawnAt = later(respondedAt, random.days(1, 2));
        withdraw(story, withdrawnAt, WITHDRAW_NOTES[0]);
        const reopenedAt = later(withdrawnAt, random.days(1, 3));
        // As the integration API does: the clock starts again from the reopening.
        Object.assign(story.dispute, {
            openedAt: reopenedAt,
            reopenCount: 1,
            resolution: null,
            closedAt: null,
            sellerRespondedAt: null,
        });
        await open(ctx, story, reopenedAt);
        story.message(reopenedAt, 'buyer', 'both', 'Reopening: the box that arrived was empty.');
        await sellerResponds(ctx, story, soonAfter(ctx, reopenedAt, 2 * HOUR_MS, DAY_MS));
        return story;
    }
    const story = openStory(ctx.data, random, slot, ago(ctx, random.days(0.5, 14)), policy);
    await open(ctx, story);
    const respondedAt = soonAfter(ctx, story.dispute.openedAt, 2 * HOUR_MS, 4.5 * DAY_MS);
    await sellerResponds(ctx, story, respondedAt);
    negotiate(ctx, story, respondedAt, ago(ctx, 10 * 60_000), false);
    return story;
}

/** Escalated and unassigned: a spread of SLA deadlines, some breached, some due within 24 h. */
async function escalated(ctx: DemoContext, slot: Slot, index: number): Promise<DisputeStory> {
    const { random, staff } = ctx;
    const bucket = index % 8;
    const since =
        bucket === 0 ? random.days(7.1, 16) : bucket === 1 ? random.days(6.02, 6.97) : random.days(0.02, 5.9);
    const story = await toEscalated(ctx, slot, ago(ctx, since));
    const escalatedAt = story.dispute.escalatedAt as Date;
    if (since > DAY_MS && random.chance(0.15)) {
        const mediator = random.pick(staff.mediators);
        const pickedAt = later(escalatedAt, random.hours(1, 6));
        pickUp(ctx, story, pickedAt, mediator);
        release(story, soonAfter(ctx, pickedAt, HOUR_MS, 10 * HOUR_MS), mediator);
    }
    return story;
}

async function opened(ctx: DemoContext, slot: Slot): Promise<DisputeStory> {
    const story = openStory(ctx.data, ctx.random, slot, ago(ctx, ctx.random.hours(1, 4.6 * 24)), ctx.policy);
    await open(ctx, story);
    return story;
}

async function resolvedTimeout(ctx: DemoContext, slot: Slot): Promise<DisputeStory> {
    const story = openStory(ctx.data, ctx.random, slot, ago(ctx, ctx.random.days(5.1, 120)), ctx.policy);
    await open(ctx, story);
    sellerTimeout(ctx, story);
    return story;
}

async function resolvedAgreement(ctx: DemoContext, slot: Slot): Promise<DisputeStory> {
    const { random, policy } = ctx;
    const story = openStory(ctx.data, random, slot, ago(ctx, random.days(2, 120)), policy);
    await open(ctx, story);
    const respondedAt = soonAfter(ctx, story.dispute.openedAt, 2 * HOUR_MS, 2.5 * DAY_MS);
    await sellerResponds(ctx, story, respondedAt);
    const acceptedAt = soonAfter(ctx, respondedAt, 3 * HOUR_MS, 4 * DAY_MS);
    const offerAt = between(ctx, respondedAt, acceptedAt);
    if (random.chance(0.4)) negotiate(ctx, story, respondedAt, offerAt, true);
    agree(ctx, story, offerAt, acceptedAt);
    return story;
}

async function withdrawn(ctx: DemoContext, slot: Slot, index: number): Promise<DisputeStory> {
    const { random, policy } = ctx;
    const note = WITHDRAW_NOTES[index % WITHDRAW_NOTES.length];
    if (index % 4 === 3) {
        const story = await toEscalated(ctx, slot, ago(ctx, random.days(1, 60)));
        withdraw(story, soonAfter(ctx, story.dispute.escalatedAt as Date, 2 * HOUR_MS, 2 * DAY_MS), note);
        return story;
    }
    const story = openStory(ctx.data, random, slot, ago(ctx, random.days(1, 90)), policy);
    await open(ctx, story);
    let last = story.dispute.openedAt;
    if (index % 4 !== 0) {
        last = soonAfter(ctx, last, 2 * HOUR_MS, 3 * DAY_MS);
        await sellerResponds(ctx, story, last);
    }
    withdraw(story, soonAfter(ctx, last, HOUR_MS, 4 * DAY_MS), note);
    return story;
}

type Builder = (ctx: DemoContext, slot: Slot, index: number) => Promise<DisputeStory>;

const SCENARIOS: Record<Scenario, Builder> = {
    opened,
    negotiating,
    escalated,
    resolved_timeout: resolvedTimeout,
    resolved_agreement: resolvedAgreement,
    withdrawn,
    ...REVIEW_SCENARIOS,
};

/** Plays every slot's scenario; `index` counts within the scenario so that buckets are stable. */
export async function playScenarios(ctx: DemoContext, slots: readonly Slot[]): Promise<DisputeStory[]> {
    const counters = new Map<Scenario, number>();
    const stories: DisputeStory[] = [];
    for (const slot of slots) {
        const index = counters.get(slot.scenario) ?? 0;
        counters.set(slot.scenario, index + 1);
        stories.push(await SCENARIOS[slot.scenario](ctx, slot, index));
    }
    for (const { dispute } of stories) {
        const open = !dispute.decidedAt && !dispute.closedAt && !dispute.slaPausedAt;
        if (open && dispute.slaDueAt && dispute.slaDueAt < ctx.now)
            dispute.slaTargetBreachedAt = dispute.slaDueAt;
        if (open && dispute.slaHardDueAt && dispute.slaHardDueAt < ctx.now)
            dispute.slaHardBreachedAt = dispute.slaHardDueAt;
    }
    return stories;
}
