import { NOT_RECEIVED_REASONS, type DisputeReason, type PaymentMethod } from '../../../shared/domain';
import { fourEyesThreshold } from '../../../shared/fourEyes';
import { percentOf } from '../../../shared/money';
import { DAY_MS, type Policy } from '../../../shared/policy';
import { isFullRefund, openDisputeSchema } from '../../../shared/schemas/integration';
import { openDispute } from '../disputes/opening';
import { Dispute, Order } from '../entities';
import { PRODUCTS, productFor, quantityFor, trackingNumber, unitPriceFor } from './catalog';
import { DisputeStory } from './demoData';
import type { DemoContext } from './demoLifecycle';
import type { Slot } from './demoPlan';
import { BUYER_COUNTRIES } from './names';
import type { Random } from './random';
import { disputeDescription } from './texts';

const at = (date: Date, ms: number) => new Date(date.getTime() + ms);

export function isReceivedReason(reason: DisputeReason): boolean {
    return !(NOT_RECEIVED_REASONS as readonly string[]).includes(reason);
}

function paymentMethod(random: Random, country: string): PaymentMethod {
    // Paying from the phone balance is common where cash/SMS payments are (RU, KZ).
    const cashSms = country === 'RU' || country === 'KZ' ? 25 : 4;
    return random.weighted([
        ['card', 60],
        ['e_wallet', 30],
        ['cash_sms', cashSms],
    ]);
}

/** Order dates consistent with the rules: shipped ≥ 5 d before opening, opened within protection. */
function orderDates(random: Random, policy: Policy, reason: DisputeReason, openedAt: Date) {
    const protectionDays = random.int(policy.protectionMinDays, policy.protectionMaxDays);
    if (reason === 'not_delivered_protection_ending') {
        const protectionEndsAt = at(openedAt, random.days(1, 6));
        const createdAt = at(protectionEndsAt, -protectionDays * DAY_MS);
        return {
            createdAt,
            shippedAt: at(createdAt, random.days(1, 4)),
            completedAt: null,
            protectionEndsAt,
        };
    }
    const received = isReceivedReason(reason);
    const shippedAt = at(openedAt, -random.days(received ? 9 : 14, received ? 30 : 40));
    const createdAt = at(shippedAt, -random.days(1, 4));
    // Receipt confirmed at least 5 days after shipment and at most 15 days before opening.
    const earliest = Math.max(shippedAt.getTime() + 5 * DAY_MS, openedAt.getTime() - 14 * DAY_MS);
    const completedAt = received ? new Date(random.int(earliest, openedAt.getTime() - 3_600_000)) : null;
    return { createdAt, shippedAt, completedAt, protectionEndsAt: at(createdAt, protectionDays * DAY_MS) };
}

/** The order as the marketplace describes it when the buyer opens a dispute on it. */
function orderSnapshot(ctx: DemoContext, slot: Slot, openedAt: Date, fourEyes: boolean) {
    const { data, random, policy } = ctx;
    const currency = BUYER_COUNTRIES.find((c) => c.country === slot.buyer.country)?.currency ?? 'USD';
    // A ruling that must wait for a supervisor needs a refund at the threshold (or a buyer the
    // ratings flag when it is made, which the opening cannot tell yet).
    const minTotal = fourEyes ? fourEyesThreshold(policy, currency) : 0;
    let product = productFor(random, slot.reason);
    let quantity = quantityFor(random, product, slot.reason);
    let unitPrice = unitPriceFor(random, product, currency);
    for (let tries = 0; unitPrice * quantity < minTotal && tries < 200; tries++) {
        product = random.pick(PRODUCTS.filter((p) => p.maxCents >= 50_000));
        quantity = 1;
        unitPrice = unitPriceFor(random, product, currency);
    }
    const dates = orderDates(random, policy, slot.reason, openedAt);
    const iso = (date: Date | null) => date && date.toISOString();
    return {
        externalId: String(8_000_000_000 + data.id('order')),
        productTitle: product.title,
        quantity,
        unitPrice,
        total: unitPrice * quantity,
        currency,
        paymentMethod: paymentMethod(random, slot.buyer.country),
        shippedAt: iso(dates.shippedAt),
        trackingNumber: trackingNumber(random),
        completedAt: iso(dates.completedAt),
        protectionEndsAt: dates.protectionEndsAt.toISOString(),
    };
}

export function requestedAmount(random: Random, slot: Slot, total: number): number {
    if (isFullRefund(slot.solution)) return total;
    return Math.min(total - 1, Math.max(1, percentOf(total, random.int(20, 60))));
}

/**
 * The buyer opens a dispute through the marketplace: the same opening the integration API runs
 * (parties and order from the snapshot, the opening windows, the timeline and audit events).
 */
export async function openStory(
    ctx: DemoContext,
    slot: Slot,
    openedAt: Date,
    fourEyes = false
): Promise<DisputeStory> {
    const { random, tx } = ctx;
    const order = orderSnapshot(ctx, slot, openedAt, fourEyes);
    const parsed = openDisputeSchema.safeParse({
        order,
        buyer: { externalId: slot.buyer.externalId, name: slot.buyer.name, country: slot.buyer.country },
        seller: {
            externalId: slot.seller.externalId,
            storeName: slot.seller.storeName,
            country: slot.seller.country,
        },
        claim: {
            goodsReceived: isReceivedReason(slot.reason),
            reason: slot.reason,
            requestedSolution: slot.solution,
            requestedAmount: requestedAmount(random, slot, order.total),
            description: disputeDescription(random, slot.reason, order.productTitle),
        },
    });
    if (!parsed.success) {
        throw new Error(`Demo order ${order.externalId} is not a valid opening: ${parsed.error.message}`);
    }
    const id = await openDispute(tx, ctx.policy, parsed.data, ctx.actors.buyer, openedAt);
    slot.buyer.disputesCount += 1;
    slot.seller.disputesCount += 1;
    const dispute = await tx.getRepository(Dispute).findOneByOrFail({ id });
    const stored = await tx.getRepository(Order).findOneByOrFail({ id: dispute.orderId });
    return new DisputeStory(tx, ctx.data, dispute, stored, slot.buyer, slot.seller);
}
