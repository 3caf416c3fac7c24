import { refundDestinationFor } from '../../../shared/domain';
import { percentOf } from '../../../shared/money';
import { addDays, DAY_MS, HOUR_MS, type Policy } from '../../../shared/policy';
import type { Offer } from '../entities';
import type { DemoData, DisputeStory } from './demoData';
import { receiptPdf, trackingPdf } from './demoDocuments';
import { openStory } from './demoOrders';
import type { Slot, StaffIds } from './demoPlan';
import type { FileLibrary } from './files';
import type { Random } from './random';
import { buyerReply, offerNote, sellerReply } from './texts';

/** Everything a lifecycle step needs besides the dispute itself. */
export interface DemoContext {
    data: DemoData;
    random: Random;
    now: Date;
    policy: Policy;
    staff: StaffIds;
    files: FileLibrary;
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

/** The buyer opens the dispute with the evidence the marketplace lets them attach. */
export async function open(
    ctx: DemoContext,
    story: DisputeStory,
    at = story.dispute.openedAt
): Promise<void> {
    const { random, files } = ctx;
    story.move(at, story.status ? 'reopen' : 'open', 'opened', 'buyer');
    if (story.dispute.reopenCount > 0) return;
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

/** The seller's first answer: a message, often with proof of shipment. */
export async function sellerResponds(ctx: DemoContext, story: DisputeStory, at: Date): Promise<void> {
    const { random, files } = ctx;
    story.dispute.sellerRespondedAt ??= at;
    story.move(at, 'seller_respond', 'negotiating', 'seller');
    story.message(at, 'seller', 'both', sellerReply(random));
    const upload = later(at, 120_000);
    const proof = random.int(0, 3);
    if (proof === 1)
        story.attach(upload, 'seller', await receiptPdf(files, story.order, story.seller.storeName, random));
    if (proof === 2) story.attach(upload, 'seller', files.photo(random, 'shipping_label'));
    if (proof === 3) story.attach(upload, 'seller', files.photo(random, 'parcel'));
}

/** A seller's offer; partial refunds around the usual 20–50 %, or a full refund against a return. */
export function sellerOffers(ctx: DemoContext, story: DisputeStory, at: Date): Offer {
    const { random } = ctx;
    const total = story.order.total;
    const partial = random.chance(0.7);
    const amount = partial ? Math.max(1, percentOf(total, random.int(20, 50))) : total;
    const note = offerNote(random);
    const offer = story.offer(
        at,
        'seller',
        partial ? 'partial_refund_keep' : 'full_refund_return',
        amount,
        note
    );
    story.move(at, 'seller_offer', 'negotiating', 'seller', null, note);
    return offer;
}

export function answerOffer(story: DisputeStory, offer: Offer, at: Date, accepted: boolean): void {
    offer.status = accepted ? 'accepted' : 'rejected';
    offer.respondedAt = at;
    if (accepted) return;
    story.move(at, 'reject_offer', 'negotiating', 'buyer');
    story.message(at, 'buyer', 'both', 'I do not accept this offer.');
}

/** A refund the marketplace pays without a ruling (seller timeout, agreement). */
export function directRefund(ctx: DemoContext, story: DisputeStory, at: Date, amount: number): void {
    const { data, random, now, policy } = ctx;
    const completedAt = later(at, random.days(1, policy.refundUsualDays));
    const done = completedAt <= now;
    data.refunds.push({
        id: data.id('refund'),
        disputeId: story.dispute.id,
        decisionId: null,
        amount,
        currency: story.order.currency,
        destination: refundDestinationFor(story.order.paymentMethod),
        status: done ? 'completed' : 'requested',
        requestedAt: at,
        dueBy: addDays(at, policy.refundMaxDays),
        completedAt: done ? completedAt : null,
        createdAt: at,
    });
    story.buyer.disputesWonCount += 1;
}

export function sellerTimeout(ctx: DemoContext, story: DisputeStory): void {
    const at = addDays(story.dispute.openedAt, ctx.policy.sellerResponseDays);
    story.move(at, 'seller_timeout', 'resolved', 'system', null, 'No answer from the seller in time');
    story.message(
        at,
        'system',
        'both',
        'The seller did not respond in time: the buyer receives a full refund.'
    );
    Object.assign(story.dispute, { resolution: 'seller_timeout', closedAt: at });
    story.seller.disputesLostCount += 1;
    directRefund(ctx, story, at, story.order.total);
}

/** Negotiation back and forth; the buyer turns the offer down (or has not answered yet). */
export function negotiate(
    ctx: DemoContext,
    story: DisputeStory,
    from: Date,
    to: Date,
    rejectAll: boolean
): void {
    const { random } = ctx;
    if (random.chance(0.6)) story.message(between(ctx, from, to), 'buyer', 'both', buyerReply(random));
    const offer = sellerOffers(ctx, story, between(ctx, from, to));
    if (rejectAll || random.chance(0.3)) answerOffer(story, offer, between(ctx, offer.createdAt, to), false);
    if (!rejectAll && offer.status === 'pending' && random.chance(0.2)) {
        const at = between(ctx, offer.createdAt, to);
        answerOffer(story, offer, at, false);
        const counter = percentOf(story.order.total, 70);
        story.offer(
            at,
            'buyer',
            'partial_refund_keep',
            counter,
            'I would accept 70% back and keep the item.'
        );
    }
}

/** The buyer accepts a seller offer: resolved by agreement, never to be reopened. */
export function agree(ctx: DemoContext, story: DisputeStory, offerAt: Date, acceptedAt: Date): void {
    const offer = sellerOffers(ctx, story, offerAt);
    answerOffer(story, offer, acceptedAt, true);
    story.move(acceptedAt, 'accept_offer', 'resolved', 'buyer');
    story.message(
        acceptedAt,
        'system',
        'both',
        'The buyer accepted the seller offer. The dispute is resolved.'
    );
    Object.assign(story.dispute, { resolution: 'agreement', offerAccepted: true, closedAt: acceptedAt });
    if (offer.amount > 0) directRefund(ctx, story, acceptedAt, offer.amount);
}

export function escalate(ctx: DemoContext, story: DisputeStory, at: Date, automatic: boolean): void {
    const { policy } = ctx;
    if (automatic)
        story.move(at, 'auto_escalate', 'escalated', 'system', null, 'No agreement within 15 days');
    else story.move(at, 'escalate', 'escalated', 'buyer');
    story.message(
        at,
        'system',
        'both',
        'The dispute was escalated to the platform. A mediator will review it.'
    );
    Object.assign(story.dispute, {
        escalatedAt: at,
        slaDueAt: addDays(at, policy.slaTargetDays),
        slaHardDueAt: addDays(at, policy.slaHardLimitDays),
    });
}

export function withdraw(story: DisputeStory, at: Date, note: string): void {
    for (const offer of story.offers) if (offer.status === 'pending') offer.status = 'superseded';
    story.move(at, 'withdraw', 'withdrawn', 'buyer', null, note);
    story.message(at, 'buyer', 'both', note);
    Object.assign(story.dispute, { resolution: 'withdrawn', closedAt: at });
}

/** Opening, the seller's answer, failed negotiation, and escalation at `escalatedAt`. */
export async function toEscalated(ctx: DemoContext, slot: Slot, escalatedAt: Date, fourEyes = false) {
    const { random, policy } = ctx;
    const automatic = random.chance(0.25);
    const gap = automatic
        ? policy.autoEscalationDays * DAY_MS
        : random.days(policy.buyerEscalationAfterDays, 14.5);
    const story = openStory(ctx.data, random, slot, later(escalatedAt, -gap), policy, fourEyes);
    await open(ctx, story);
    const openedAt = story.dispute.openedAt;
    const latest = Math.min(openedAt.getTime() + 4 * DAY_MS, escalatedAt.getTime() - 2 * HOUR_MS);
    const respondedAt = between(ctx, later(openedAt, 2 * HOUR_MS), new Date(latest));
    await sellerResponds(ctx, story, respondedAt);
    negotiate(ctx, story, respondedAt, later(escalatedAt, -HOUR_MS), true);
    escalate(ctx, story, escalatedAt, automatic);
    return story;
}
