import type { EntityManager } from 'typeorm';
import { percentOf } from '../../../shared/money';
import { addDays, DAY_MS, HOUR_MS, type Policy } from '../../../shared/policy';
import { autoEscalate, timeOutSeller } from '../disputes/deadlines';
import type { DisputeActor } from '../disputes/disputeActor';
import * as party from '../disputes/partyActions';
import { completeRefund } from '../refunds/refunds';
import { Refund, type Offer } from '../entities';
import type { DemoData, DisputeStory } from './demoData';
import { receiptPdf, trackingPdf } from './demoDocuments';
import { openStory } from './demoOrders';
import type { Slot, StaffIds } from './demoPlan';
import type { FileLibrary } from './files';
import type { Random } from './random';
import { buyerReply, offerNote, sellerReply } from './texts';

/**
 * Who acts in the demo: the parties through the marketplace, the marketplace itself (its payment
 * provider), the scheduler, each staff member.
 */
export interface DemoActors {
    buyer: DisputeActor;
    seller: DisputeActor;
    marketplace: DisputeActor;
    system: DisputeActor;
    staff(id: number): DisputeActor;
}

/** Everything a lifecycle step needs besides the dispute itself; `tx` is the story's transaction. */
export interface DemoContext {
    data: DemoData;
    random: Random;
    now: Date;
    policy: Policy;
    staff: StaffIds;
    actors: DemoActors;
    files: FileLibrary;
    tx: EntityManager;
}

export const later = (date: Date, ms: number): Date => new Date(date.getTime() + ms);

/** A random moment in [from, to]; `to` is clamped to `from` when the window is empty. */
export function between(ctx: DemoContext, from: Date, to: Date): Date {
    return new Date(ctx.random.int(from.getTime(), Math.max(from.getTime(), to.getTime())));
}

export const ago = (ctx: DemoContext, ms: number): Date => new Date(ctx.now.getTime() - ms);

/** Between `minMs` and `maxMs` after `from`, but never later than a few minutes before now. */
export function soonAfter(ctx: DemoContext, from: Date, minMs: number, maxMs: number): Date {
    const latest = Math.min(from.getTime() + maxMs, ctx.now.getTime() - 5 * 60_000);
    const earliest = Math.min(from.getTime() + minMs, latest);
    return between(ctx, new Date(Math.max(from.getTime(), earliest)), new Date(latest));
}

/** What the marketplace tells both parties, and the evidence the buyer attached when opening. */
export async function openingRecords(ctx: DemoContext, story: DisputeStory): Promise<void> {
    const { random, files } = ctx;
    const at = story.dispute.openedAt;
    const body = `Dispute opened. ${story.seller.storeName} has ${ctx.policy.sellerResponseDays} days to respond.`;
    story.message(later(at, 1000), 'system', 'both', body);
    const upload = later(at, 60_000);
    if (story.dispute.goodsReceived) {
        for (const photo of files.buyerPhotos(random, story.dispute.reason, random.int(1, 3))) {
            story.attach(upload, 'buyer', photo);
        }
        if (random.chance(0.35)) story.attach(upload, 'buyer', files.video(random));
    } else if (random.chance(0.75)) {
        story.attach(upload, 'buyer', await trackingPdf(files, story.order, story.dispute.reason));
    }
}

/** The buyer opens the dispute (through the domain's opening) with the evidence they attach. */
export async function open(ctx: DemoContext, slot: Slot, openedAt: Date, fourEyes = false) {
    const story = await openStory(ctx, slot, openedAt, fourEyes);
    await openingRecords(ctx, story);
    return story;
}

/** The seller's first answer: a message, often with proof of shipment. */
export async function sellerResponds(ctx: DemoContext, story: DisputeStory, at: Date): Promise<void> {
    const { random, files } = ctx;
    await story.move(at, 'seller_respond', ctx.actors.seller, { changes: { sellerRespondedAt: at } });
    story.message(at, 'seller', 'both', sellerReply(random, story.dispute.goodsReceived));
    const upload = later(at, 120_000);
    const proof = random.int(0, 3);
    if (proof === 1)
        story.attach(upload, 'seller', await receiptPdf(files, story.order, story.seller.storeName, random));
    if (proof === 2) story.attach(upload, 'seller', files.photo(random, 'shipping_label'));
    if (proof === 3) story.attach(upload, 'seller', files.photo(random, 'parcel'));
}

/**
 * A seller's offer: partial refunds around the usual 20–50 % (the buyer keeps the item), or the
 * full price — against a return only when the buyer has the goods. The note says what the offer is.
 */
export async function sellerOffers(ctx: DemoContext, story: DisputeStory, at: Date): Promise<Offer> {
    const { random } = ctx;
    const { total } = story.order;
    const received = story.dispute.goodsReceived;
    const partial = random.chance(0.7) && total > 1;
    const percent = partial ? random.int(20, 50) : 100;
    const amount = partial ? Math.min(total - 1, Math.max(1, percentOf(total, percent))) : total;
    const withReturn = !partial && received;
    const solution = partial ? 'partial_refund_keep' : withReturn ? 'full_refund_return' : 'full_refund_keep';
    const note = offerNote(random, percent, received, withReturn);
    return story.act(at, (tx) =>
        party.sellerOffer(tx, story.id, { solution, amount, note }, ctx.actors.seller, at)
    );
}

export async function answerOffer(
    ctx: DemoContext,
    story: DisputeStory,
    offer: Offer,
    at: Date,
    accept: boolean
): Promise<void> {
    await story.act(at, (tx) =>
        party.answerOffer(
            tx,
            ctx.policy,
            { disputeId: story.id, offerId: offer.id, accept, input: {} },
            ctx.actors.buyer,
            at
        )
    );
    offer.status = accept ? 'accepted' : 'rejected';
    if (!accept) story.message(at, 'buyer', 'both', 'I do not accept this offer.');
}

/**
 * The marketplace reports the refund paid (`completeRefund`, as its callback does) at `completedAt`,
 * if that is past by now; a decided dispute closes. False when it is still to come.
 */
export async function payOut(
    ctx: DemoContext,
    story: DisputeStory,
    refund: Refund,
    completedAt: Date
): Promise<boolean> {
    if (completedAt > ctx.now) return false;
    const reference = `PAY-${ctx.random.code(10)}`;
    await story.act(completedAt, (tx) =>
        completeRefund(tx, refund.id, { reference }, ctx.actors.marketplace, completedAt)
    );
    return true;
}

/** The refund an agreement or a seller's silence requested (the domain made it). */
function refundOf(ctx: DemoContext, story: DisputeStory): Promise<Refund> {
    return ctx.tx.getRepository(Refund).findOneByOrFail({ disputeId: story.id, status: 'requested' });
}

/** The seller stays silent: the scheduler resolves the dispute with a full refund. */
export async function sellerTimeout(ctx: DemoContext, story: DisputeStory): Promise<void> {
    const { policy, random } = ctx;
    const at = addDays(story.dispute.openedAt, policy.sellerResponseDays);
    const timedOut = await story.act(at, (tx) => timeOutSeller(tx, policy, story.id, at));
    if (!timedOut) throw new Error(`Demo dispute ${story.id}: the seller timeout did not apply`);
    story.message(
        at,
        'system',
        'both',
        'The seller did not respond in time: the buyer receives a full refund.'
    );
    const refund = await refundOf(ctx, story);
    await payOut(ctx, story, refund, later(at, random.days(1, policy.refundUsualDays)));
}

/** Negotiation back and forth; the buyer turns the offer down (or has not answered yet). */
export async function negotiate(
    ctx: DemoContext,
    story: DisputeStory,
    from: Date,
    to: Date,
    rejectAll: boolean
): Promise<void> {
    const { random } = ctx;
    const received = story.dispute.goodsReceived;
    if (random.chance(0.6))
        story.message(between(ctx, from, to), 'buyer', 'both', buyerReply(random, received));
    const offer = await sellerOffers(ctx, story, between(ctx, from, to));
    if (rejectAll || random.chance(0.3))
        await answerOffer(ctx, story, offer, between(ctx, offer.createdAt, to), false);
    if (!rejectAll && offer.status === 'pending' && random.chance(0.2)) {
        const at = between(ctx, offer.createdAt, to);
        await answerOffer(ctx, story, offer, at, false);
        const counter = received
            ? 'I would accept 70% back and keep the item.'
            : 'I would accept 70% back now and the rest if the parcel does not arrive.';
        story.message(at, 'buyer', 'both', counter);
    }
}

/** The buyer accepts a seller offer: resolved by agreement, never to be reopened. */
export async function agree(
    ctx: DemoContext,
    story: DisputeStory,
    offerAt: Date,
    acceptedAt: Date
): Promise<void> {
    const offer = await sellerOffers(ctx, story, offerAt);
    await answerOffer(ctx, story, offer, acceptedAt, true);
    story.message(
        acceptedAt,
        'system',
        'both',
        'The buyer accepted the seller offer. The dispute is resolved.'
    );
    if (offer.amount > 0) {
        const refund = await refundOf(ctx, story);
        await payOut(ctx, story, refund, later(acceptedAt, ctx.random.days(1, ctx.policy.refundUsualDays)));
    }
}

/** To the platform's queue: by the buyer, or by the scheduler after the days without agreement. */
export async function escalate(
    ctx: DemoContext,
    story: DisputeStory,
    at: Date,
    automatic: boolean
): Promise<void> {
    const { policy, actors } = ctx;
    if (automatic) {
        const escalated = await story.act(at, (tx) => autoEscalate(tx, policy, story.id, at));
        if (!escalated) throw new Error(`Demo dispute ${story.id}: the automatic escalation did not apply`);
    } else {
        await story.act(at, (tx) => party.escalate(tx, policy, story.id, {}, actors.buyer, at));
    }
    story.message(
        at,
        'system',
        'both',
        'The dispute was escalated to the platform. A mediator will review it.'
    );
}

export async function withdraw(ctx: DemoContext, story: DisputeStory, at: Date, note: string): Promise<void> {
    await story.act(at, (tx) => party.withdraw(tx, ctx.policy, story.id, { note }, ctx.actors.buyer, at));
    story.message(at, 'buyer', 'both', note);
}

export async function reopen(ctx: DemoContext, story: DisputeStory, at: Date, note: string): Promise<void> {
    await story.act(at, (tx) => party.reopen(tx, ctx.policy, story.id, { note }, ctx.actors.buyer, at));
    story.message(at, 'buyer', 'both', note);
}

/** Opening, the seller's answer, failed negotiation, and escalation at `escalatedAt`. */
export async function toEscalated(ctx: DemoContext, slot: Slot, escalatedAt: Date, fourEyes = false) {
    const { random, policy } = ctx;
    const automatic = random.chance(0.25);
    const gap = automatic
        ? policy.autoEscalationDays * DAY_MS
        : random.days(policy.buyerEscalationAfterDays, 14.5);
    const story = await open(ctx, slot, later(escalatedAt, -gap), fourEyes);
    const openedAt = story.dispute.openedAt;
    const latest = Math.min(openedAt.getTime() + 4 * DAY_MS, escalatedAt.getTime() - 2 * HOUR_MS);
    const respondedAt = between(ctx, later(openedAt, 2 * HOUR_MS), new Date(latest));
    await sellerResponds(ctx, story, respondedAt);
    await negotiate(ctx, story, respondedAt, later(escalatedAt, -HOUR_MS), true);
    await escalate(ctx, story, escalatedAt, automatic);
    return story;
}
