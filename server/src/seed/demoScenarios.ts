import type { DataSource } from 'typeorm';
import { DAY_MS, HOUR_MS } from '../../../shared/policy';
import { writeTransaction } from '../db/transaction';
import type { DisputeStory } from './demoData';
import {
    agree,
    ago,
    between,
    later,
    negotiate,
    open,
    reopen,
    sellerResponds,
    sellerTimeout,
    soonAfter,
    toEscalated,
    withdraw,
    type DemoContext,
} from './demoLifecycle';
import type { Scenario, Slot } from './demoPlan';
import { pickUp, release, writeAttachments } from './demoReview';
import { flagOverdueRefunds } from './demoRulings';
import { REVIEW_SCENARIOS } from './demoReviewScenarios';
import { withdrawNote } from './texts';

async function negotiating(ctx: DemoContext, slot: Slot, index: number): Promise<DisputeStory> {
    const { random } = ctx;
    // Reopening needs the order's protection to last a week longer than the opening.
    if (index < 2 && slot.reason !== 'not_delivered_protection_ending') {
        // Withdrawn when the problem seemed solved, reopened when it turned out it was not.
        const story = await open(ctx, slot, ago(ctx, random.days(8, 11)));
        const received = story.dispute.goodsReceived;
        const respondedAt = later(story.dispute.openedAt, random.hours(5, 30));
        await sellerResponds(ctx, story, respondedAt);
        const withdrawnAt = later(respondedAt, random.days(1, 2));
        await withdraw(ctx, story, withdrawnAt, withdrawNote(0, received));
        const reopenedAt = later(withdrawnAt, random.days(1, 3));
        // As the integration API does: the clock starts again from the reopening.
        const why = received
            ? 'Reopening: the replacement the seller promised never came.'
            : 'Reopening: the box that arrived was empty.';
        await reopen(ctx, story, reopenedAt, why);
        await sellerResponds(ctx, story, soonAfter(ctx, reopenedAt, 2 * HOUR_MS, DAY_MS));
        return story;
    }
    const story = await open(ctx, slot, ago(ctx, random.days(0.5, 14)));
    const respondedAt = soonAfter(ctx, story.dispute.openedAt, 2 * HOUR_MS, 4.5 * DAY_MS);
    await sellerResponds(ctx, story, respondedAt);
    await negotiate(ctx, story, respondedAt, ago(ctx, 10 * 60_000), false);
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
        await pickUp(ctx, story, pickedAt, mediator);
        await release(ctx, story, soonAfter(ctx, pickedAt, HOUR_MS, 10 * HOUR_MS), mediator);
    }
    return story;
}

function opened(ctx: DemoContext, slot: Slot): Promise<DisputeStory> {
    return open(ctx, slot, ago(ctx, ctx.random.hours(1, 4.6 * 24)));
}

async function resolvedTimeout(ctx: DemoContext, slot: Slot): Promise<DisputeStory> {
    const story = await open(ctx, slot, ago(ctx, ctx.random.days(5.1, 120)));
    await sellerTimeout(ctx, story);
    return story;
}

async function resolvedAgreement(ctx: DemoContext, slot: Slot): Promise<DisputeStory> {
    const { random } = ctx;
    const story = await open(ctx, slot, ago(ctx, random.days(2, 120)));
    const respondedAt = soonAfter(ctx, story.dispute.openedAt, 2 * HOUR_MS, 2.5 * DAY_MS);
    await sellerResponds(ctx, story, respondedAt);
    const acceptedAt = soonAfter(ctx, respondedAt, 3 * HOUR_MS, 4 * DAY_MS);
    const offerAt = between(ctx, respondedAt, acceptedAt);
    if (random.chance(0.4)) await negotiate(ctx, story, respondedAt, offerAt, true);
    await agree(ctx, story, offerAt, acceptedAt);
    return story;
}

async function withdrawn(ctx: DemoContext, slot: Slot, index: number): Promise<DisputeStory> {
    const { random } = ctx;
    if (index % 4 === 3) {
        const story = await toEscalated(ctx, slot, ago(ctx, random.days(1, 60)));
        const note = withdrawNote(index, story.dispute.goodsReceived);
        const at = soonAfter(ctx, story.dispute.escalatedAt as Date, 2 * HOUR_MS, 2 * DAY_MS);
        await withdraw(ctx, story, at, note);
        return story;
    }
    const story = await open(ctx, slot, ago(ctx, random.days(1, 90)));
    let last = story.dispute.openedAt;
    if (index % 4 !== 0) {
        last = soonAfter(ctx, last, 2 * HOUR_MS, 3 * DAY_MS);
        await sellerResponds(ctx, story, last);
    }
    const note = withdrawNote(index, story.dispute.goodsReceived);
    await withdraw(ctx, story, soonAfter(ctx, last, HOUR_MS, 4 * DAY_MS), note);
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

/**
 * Plays every slot's scenario, each dispute in its own transaction with its attachments, and lets
 * the clock run up to now (the SLA breaches and overdue refunds the timers would have flagged). `index` counts within the scenario so that
 * buckets are stable.
 */
export async function playScenarios(
    dataSource: DataSource,
    base: Omit<DemoContext, 'tx'>,
    slots: readonly Slot[]
): Promise<void> {
    const counters = new Map<Scenario, number>();
    for (const slot of slots) {
        const index = counters.get(slot.scenario) ?? 0;
        counters.set(slot.scenario, index + 1);
        await writeTransaction(dataSource, async (tx) => {
            const ctx = { ...base, tx };
            const story = await SCENARIOS[slot.scenario](ctx, slot, index);
            await flagOverdueRefunds(ctx, story);
            await story.flagBreaches(base.now);
            await writeAttachments(story);
        });
    }
}
