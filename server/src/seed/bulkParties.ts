import type { Buyer, Seller } from '../entities';
import { BULK_KINDS } from './bulkRows';
import { BUYER_COUNTRIES, personName, sellerCountry, storeName, type BuyerCountry } from './names';
import type { Random } from './random';
import { flagReason } from './texts';

/** A buyer with this many bulk disputes is flagged as a frequent disputer. */
const FLAG_AT = 30;

export type BulkPlan = ReturnType<typeof planBulk>;

/** Statuses a bulk dispute reaches only through an escalation (counted as the buyer's). */
const ESCALATED = new Set([
    'escalated',
    'in_review',
    'awaiting_evidence',
    'pending_approval',
    'decided',
    'closed',
]);

/** Who opened each dispute against whom and how it went, chosen up front so counters are exact. */
export function planBulk(random: Random, count: number, buyers: number, sellers: number) {
    const countries: BuyerCountry[] = Array.from({ length: buyers }, () =>
        random.weighted(BUYER_COUNTRIES.map((c) => [c, c.weight] as const))
    );
    const buyerOf = new Int32Array(count);
    const sellerOf = new Int32Array(count);
    const kindOf = new Uint8Array(count);
    const buyerDisputes = new Int32Array(buyers);
    const buyerWon = new Int32Array(buyers);
    const sellerDisputes = new Int32Array(sellers);
    const sellerLost = new Int32Array(sellers);
    // Rulings of part or none of the refund (a full one counts as won above).
    const buyerPartial = new Int32Array(buyers);
    const buyerLost = new Int32Array(buyers);
    const sellerPartial = new Int32Array(sellers);
    const sellerWon = new Int32Array(sellers);
    // The rating counters the recorder keeps (parties/ratingCounters.ts).
    const buyerEscalations = new Int32Array(buyers);
    const sellerTimeouts = new Int32Array(sellers);
    const sellerAccepted = new Int32Array(sellers);
    const kinds = BULK_KINDS.map((kind, index) => [index, kind.weight] as const);
    const topBuyers = Math.max(1, Math.floor(buyers * 0.02));
    const topSellers = Math.max(1, Math.floor(sellers * 0.05));
    for (let i = 0; i < count; i++) {
        // A few buyers and sellers take a far larger share: the frequent disputers and problem stores.
        const buyer = random.chance(0.1) ? random.int(0, topBuyers - 1) : random.int(0, buyers - 1);
        const seller = random.chance(0.2) ? random.int(0, topSellers - 1) : random.int(0, sellers - 1);
        const kind = random.weighted(kinds);
        buyerOf[i] = buyer;
        sellerOf[i] = seller;
        kindOf[i] = kind;
        buyerDisputes[buyer]++;
        sellerDisputes[seller]++;
        if (BULK_KINDS[kind].won) {
            buyerWon[buyer]++;
            if (BULK_KINDS[kind].resolution !== 'agreement') sellerLost[seller]++;
        }
        if (ESCALATED.has(BULK_KINDS[kind].status)) buyerEscalations[buyer]++;
        if (BULK_KINDS[kind].resolution === 'seller_timeout') sellerTimeouts[seller]++;
        if (BULK_KINDS[kind].resolution === 'agreement') sellerAccepted[seller]++;
        if (BULK_KINDS[kind].outcome === 'partial_refund') {
            buyerPartial[buyer]++;
            sellerPartial[seller]++;
        } else if (BULK_KINDS[kind].outcome === 'no_refund') {
            buyerLost[buyer]++;
            sellerWon[seller]++;
        }
    }
    return {
        countries,
        buyerOf,
        sellerOf,
        kindOf,
        buyerDisputes,
        buyerWon,
        buyerPartial,
        buyerLost,
        sellerDisputes,
        sellerLost,
        sellerPartial,
        sellerWon,
        buyerEscalations,
        sellerTimeouts,
        sellerAccepted,
    };
}

/** Buyer rows with counters matching the planned disputes; ids from `firstId`. */
export function bulkBuyers(random: Random, now: Date, plan: BulkPlan, firstId: number): Buyer[] {
    return plan.countries.map(({ country }, k) => {
        const id = firstId + k;
        const disputes = plan.buyerDisputes[k];
        const flagged = disputes >= FLAG_AT;
        const blocked = flagged && k % 10 === 0;
        return {
            id,
            externalId: `B${1_000_000 + id}`,
            name: personName(random, country),
            country,
            ordersCount: disputes + random.int(2, 300),
            disputesCount: disputes,
            disputesWonCount: plan.buyerWon[k],
            disputesPartialCount: plan.buyerPartial[k],
            disputesLostCount: plan.buyerLost[k],
            escalationsCount: plan.buyerEscalations[k],
            penaltyCount: flagged ? random.int(0, 3) : 0,
            rating: flagged ? random.int(20, 55) : random.int(70, 100),
            flagged,
            flagReason: flagged ? flagReason(disputes) : null,
            blocked,
            blockReason: blocked ? 'Repeated unfounded claims' : null,
            createdAt: new Date(now.getTime() - random.days(30, 2500)),
        };
    });
}

export function bulkSellers(random: Random, now: Date, plan: BulkPlan, firstId: number): Seller[] {
    return Array.from(plan.sellerDisputes, (disputes, k) => {
        const id = firstId + k;
        const country = sellerCountry(random);
        return {
            id,
            externalId: `S${100_000 + id}`,
            storeName: storeName(random, country, id),
            country,
            positiveFeedbackPermille:
                k < plan.sellerDisputes.length * 0.05 ? random.int(800, 900) : random.int(880, 995),
            ordersCount: disputes * random.int(20, 80),
            disputesCount: disputes,
            disputesLostCount: plan.sellerLost[k],
            disputesPartialCount: plan.sellerPartial[k],
            disputesWonCount: plan.sellerWon[k],
            sellerTimeoutCount: plan.sellerTimeouts[k],
            offersAcceptedCount: plan.sellerAccepted[k],
            createdAt: new Date(now.getTime() - random.days(100, 3000)),
        };
    });
}
