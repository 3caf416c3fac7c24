import type { DisputeReason, EvidenceRequestTarget, Outcome } from '../../../shared/domain';
import type { Random } from './random';

/** What buyers write when they open a dispute; `{p}` is the product. */
const DESCRIPTIONS: Record<DisputeReason, string[]> = {
    not_delivered_protection_ending: [
        'Ordered the {p} over seven weeks ago and it still has not arrived. Protection ends soon, so I am opening this now.',
        'The {p} never came. The seller keeps asking me to wait but my buyer protection is about to expire.',
    ],
    tracking_not_updated: [
        'Tracking for the {p} has not moved in three weeks — last scan was at the export hub.',
        'No tracking updates since the parcel left the sorting centre. The seller says it is "on the way".',
    ],
    returned_to_sender: [
        'Tracking shows the parcel with the {p} was returned to the sender. I never got a delivery notice.',
        'The {p} was sent back to the seller because of an "incomplete address", but my address is correct.',
    ],
    delivered_to_wrong_address: [
        'Tracking says delivered, but to a different city. The {p} never reached me.',
        'Marked as delivered to a pickup point I never chose. Nobody there has my {p}.',
    ],
    held_by_customs: [
        'The {p} is held by customs who ask for documents that only the seller can provide.',
        'Customs is holding the parcel and wants an invoice. The seller does not answer.',
    ],
    defective: [
        'The {p} stopped working after two days. It does not power on any more.',
        'The {p} arrived broken: it works for a few minutes and then shuts down.',
    ],
    not_as_described: [
        'The {p} is nothing like the listing photos — different material and much smaller.',
        'Listing said "original, with warranty", but the {p} came without any documents and a different model number.',
    ],
    counterfeit: [
        'The {p} is clearly a fake: the logo is printed crooked and the serial number does not check out.',
        'Brand support confirmed the serial of my {p} is not genuine.',
    ],
    wrong_size: [
        'Ordered size M according to the size chart, the {p} I received is closer to XS.',
        'The {p} is two sizes smaller than ordered. Measurements attached.',
    ],
    wrong_color: [
        'I ordered the {p} in navy blue and received bright yellow.',
        'Colour is completely different from what I selected. Photo of the order page and the item attached.',
    ],
    damaged_in_transit: [
        'The box arrived crushed and the {p} inside is cracked.',
        'The parcel was torn open and the {p} is damaged. Photos of the packaging attached.',
    ],
    low_quality: [
        'The stitching on the {p} came apart after the first wash. Very poor quality.',
        'The {p} feels cheap, the seams are uneven and there are loose threads everywhere.',
    ],
    quantity_short: [
        'I paid for the full pack of the {p} but only part of it was in the parcel.',
        'The order was for several pieces of the {p}; the parcel contained fewer.',
    ],
    missing_parts: [
        'The {p} arrived without the charger and the manual that are listed as included.',
        'Parts are missing from the {p} box, it cannot be assembled.',
    ],
};

export function disputeDescription(random: Random, reason: DisputeReason, product: string): string {
    return random.pick(DESCRIPTIONS[reason]).replaceAll('{p}', product);
}

/** The seller's first answer; `received`: whether the buyer has the goods. */
const SELLER_REPLIES = {
    received: [
        'Dear customer, we are sorry for the trouble. We checked with the warehouse and want to solve this with you.',
        'Hello! The item was checked before shipping. Could you send more photos so we can understand the problem?',
        'Sorry for the inconvenience. We can offer a partial refund so that you keep the item.',
        'We do not agree: the product matches the listing. Please compare it with the description again.',
    ],
    notReceived: [
        'Dear customer, we are sorry for the trouble. We checked with the warehouse and want to solve this with you.',
        'We shipped on time with tracking. Please wait a few more days, parcels are slow this season.',
        'Hello! We have asked the carrier to trace the parcel and will update you as soon as they answer.',
    ],
};

const BUYER_REPLIES = {
    received: [
        'A partial refund is not enough, the item is unusable.',
        'I already sent photos. Please just refund me.',
        'The photos are attached to the dispute. Please look at them.',
        'I want my money back, the item is not what I paid for.',
    ],
    notReceived: [
        'I have waited long enough, I want my money back.',
        'OK, I will wait five more days, but then I am escalating.',
        'The tracking has not changed for weeks. Please just refund me.',
    ],
};

const side = (goodsReceived: boolean) => (goodsReceived ? 'received' : 'notReceived');

export const sellerReply = (random: Random, goodsReceived: boolean): string =>
    random.pick(SELLER_REPLIES[side(goodsReceived)]);
export const buyerReply = (random: Random, goodsReceived: boolean): string =>
    random.pick(BUYER_REPLIES[side(goodsReceived)]);

/** What the seller writes with an offer of `percent` % of the price: the words match the offer. */
export function offerNote(
    random: Random,
    percent: number,
    goodsReceived: boolean,
    withReturn: boolean
): string {
    if (percent >= 100) {
        if (withReturn) return 'Full refund after you send the item back, please use a tracked service.';
        return random.pick([
            'We will refund the full price; there is no need to send anything back.',
            'Full refund as an apology for the delay.',
        ]);
    }
    if (!goodsReceived) {
        return random.pick([
            `We can refund ${percent}% of the price now; the parcel is still on its way.`,
            `${percent}% back for the delay, and the parcel is yours when it arrives.`,
        ]);
    }
    if (percent === 50) return 'Half of the price back, you keep the item. This is our final offer.';
    return random.pick([
        `We can refund ${percent}% of the price, you keep the item.`,
        `As an apology: ${percent}% back and a coupon for your next order; you keep the item.`,
    ]);
}

/** Why the buyer withdraws; a parcel only "finally arrives" when it had not. */
export function withdrawNote(index: number, goodsReceived: boolean): string {
    const notes = goodsReceived
        ? [
              'The seller sent a replacement, thank you.',
              'Sorted it out with the seller directly.',
              'Opened by mistake.',
          ]
        : [
              'The parcel finally arrived, everything is fine.',
              'Sorted it out with the seller directly.',
              'Opened by mistake.',
          ];
    return notes[index % notes.length];
}

export function evidenceRequestMessage(target: EvidenceRequestTarget, goodsReceived: boolean): string {
    const buyer = goodsReceived
        ? 'Please upload clear photos or a short video showing the problem, with the order label visible.'
        : 'Please upload a screenshot of the latest tracking status and any notice from the post office.';
    const seller = 'Please upload the shipping receipt and the carrier tracking history for this order.';
    if (target === 'buyer') return buyer;
    if (target === 'seller') return seller;
    return `Buyer: ${buyer} Seller: ${seller}`;
}

/** A mediator's internal notes, each for the kind of dispute it can be about. */
const INTERNAL_NOTES: { note: string; fits: (reason: DisputeReason, goodsReceived: boolean) => boolean }[] = [
    {
        note: 'Tracking checked on the carrier site: last scan matches what the buyer says.',
        fits: (_, received) => !received,
    },
    {
        note: 'Photos are consistent with transit damage; packaging was thin.',
        fits: (reason) => reason === 'damaged_in_transit',
    },
    {
        note: 'Buyer has several recent disputes with other sellers — worth a closer look.',
        fits: () => true,
    },
    {
        note: 'Seller has a good track record on this product; listing photos match.',
        fits: (_, received) => received,
    },
    {
        note: 'Asked the logistics team about the customs hold, waiting for their answer.',
        fits: (reason) => reason === 'held_by_customs',
    },
    {
        note: 'Compared the photos with the listing: the difference is visible.',
        fits: (reason) => ['not_as_described', 'wrong_color', 'wrong_size', 'counterfeit'].includes(reason),
    },
];

export function internalNote(random: Random, reason: DisputeReason, goodsReceived: boolean): string {
    return random.pick(INTERNAL_NOTES.filter((n) => n.fits(reason, goodsReceived))).note;
}

export const STAFF_TO_PARTY = [
    'Your dispute is now being reviewed by a mediator. We will contact you if we need anything.',
    'Thank you, we received the files and are reviewing them.',
    'We are reviewing the case and expect to decide within the next few days.',
];

export function rationale(
    outcome: Outcome,
    side: 'buyer' | 'seller',
    returnRequired: boolean,
    goodsReceived: boolean
): string {
    const back = returnRequired ? ' Please return the item with tracking within 15 days.' : '';
    if (outcome === 'full_refund') {
        if (!goodsReceived) {
            return side === 'buyer'
                ? 'The tracking on file does not show a delivery to you; you receive a full refund.'
                : 'The tracking on file does not show a correct delivery; the buyer is refunded in full.';
        }
        return side === 'buyer'
            ? `The evidence shows the item is not as ordered; you receive a full refund.${back}`
            : `The photos on file show the item does not match the order; the buyer is refunded in full.${back}`;
    }
    if (outcome === 'partial_refund') {
        return side === 'buyer'
            ? `The item has a defect but remains usable; you receive a partial refund.${back}`
            : 'The defect is confirmed but the item remains usable; a partial refund compensates the buyer.';
    }
    if (!goodsReceived) {
        return side === 'buyer'
            ? 'The carrier confirms the delivery to your address, so no refund is due.'
            : 'Your tracking shows the order was delivered; no refund is due.';
    }
    return side === 'buyer'
        ? 'The evidence does not show a problem with the item, so no refund is due.'
        : 'Your evidence shows the order was delivered as described; no refund is due.';
}

export function flagReason(disputes: number): string {
    return `Frequent disputer: ${disputes} disputes opened, far above the marketplace average`;
}

export const BLOCK_REASONS = [
    'Repeated claims with manipulated photos (confirmed by two mediators)',
    'Kept disputes open after receiving replacements; three penalties',
];

/** Why a supervisor overturned a ruling of no refund (the new ruling refunds in full). */
export function overturnReason(goodsReceived: boolean): string {
    return goodsReceived
        ? "The buyer's unboxing video, which the ruling did not consider, shows the defect on arrival."
        : "The carrier confirmed the parcel was signed for at another address; the signature is not the buyer's.";
}

/** Why a supervisor sent a ruling back. */
export function rejectionReason(goodsReceived: boolean): string {
    return goodsReceived
        ? 'Refund exceeds what the photos support; please reconsider a partial refund.'
        : 'The carrier shows a delivery attempt; please check its confirmation before a full refund.';
}
