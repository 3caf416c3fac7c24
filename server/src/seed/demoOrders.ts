import { NOT_RECEIVED_REASONS, type DisputeReason, type PaymentMethod } from '../../../shared/domain';
import { majorToMinor, percentOf } from '../../../shared/money';
import { DAY_MS, type Policy } from '../../../shared/policy';
import { PRODUCTS, productFor, quantityFor, trackingNumber, unitPriceFor } from './catalog';
import { DisputeStory, type DemoData, type DisputeRow, type OrderRow } from './demoData';
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

function buildOrder(
    data: DemoData,
    random: Random,
    slot: Slot,
    openedAt: Date,
    policy: Policy,
    fourEyes: boolean
) {
    const currency = BUYER_COUNTRIES.find((c) => c.country === slot.buyer.country)?.currency ?? 'USD';
    // A ruling that must wait for a supervisor needs a flagged buyer or a refund at the threshold.
    const minTotal =
        fourEyes && !slot.buyer.flagged ? majorToMinor(policy.fourEyesThresholdMajor, currency) : 0;
    let product = productFor(random, slot.reason);
    let quantity = quantityFor(random, product, slot.reason);
    let unitPrice = unitPriceFor(random, product, currency);
    for (let tries = 0; unitPrice * quantity < minTotal && tries < 200; tries++) {
        product = random.pick(PRODUCTS.filter((p) => p.maxCents >= 50_000));
        quantity = 1;
        unitPrice = unitPriceFor(random, product, currency);
    }
    const id = data.id('order');
    const order: OrderRow = {
        id,
        externalId: String(8_000_000_000 + id),
        buyerId: slot.buyer.id,
        sellerId: slot.seller.id,
        productTitle: product.title,
        quantity,
        unitPrice,
        total: unitPrice * quantity,
        currency,
        paymentMethod: paymentMethod(random, slot.buyer.country),
        trackingNumber: trackingNumber(random),
        ...orderDates(random, policy, slot.reason, openedAt),
    };
    data.orders.push(order);
    return order;
}

export function requestedAmount(random: Random, slot: Slot, total: number): number {
    return slot.solution.startsWith('partial') ? Math.max(1, percentOf(total, random.int(20, 60))) : total;
}

/** Creates the order and the dispute as the buyer opened it; the scenario then moves it along. */
export function openStory(
    data: DemoData,
    random: Random,
    slot: Slot,
    openedAt: Date,
    policy: Policy,
    fourEyes = false
): DisputeStory {
    const order = buildOrder(data, random, slot, openedAt, policy, fourEyes);
    const dispute: DisputeRow = {
        id: data.id('dispute'),
        orderId: order.id,
        buyerId: slot.buyer.id,
        sellerId: slot.seller.id,
        goodsReceived: isReceivedReason(slot.reason),
        reason: slot.reason,
        requestedSolution: slot.solution,
        requestedAmount: requestedAmount(random, slot, order.total),
        currency: order.currency,
        description: disputeDescription(random, slot.reason, order.productTitle),
        status: 'opened',
        resolution: null,
        openedAt,
        sellerRespondedAt: null,
        escalatedAt: null,
        decidedAt: null,
        closedAt: null,
        assigneeId: null,
        assignedAt: null,
        slaDueAt: null,
        slaHardDueAt: null,
        slaPausedAt: null,
        slaTargetBreachedAt: null,
        slaHardBreachedAt: null,
        offerAccepted: false,
        reopenCount: 0,
        version: 0,
        createdAt: openedAt,
        updatedAt: openedAt,
    };
    data.disputes.push(dispute);
    slot.buyer.disputesCount += 1;
    slot.seller.disputesCount += 1;
    return new DisputeStory(data, dispute, order, slot.buyer, slot.seller);
}
