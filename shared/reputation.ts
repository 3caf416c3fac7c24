/**
 * The reputation of the parties: the dispute rate, the 0–100 scores and the frequent-disputer
 * flag. Written once here and used by the server (which stores the results) and the SPA (which
 * explains them); the README's "Ratings" section spells the formulas out.
 */
import { z } from 'zod';
import type { Policy } from './policy';
import { singleLineText } from './schemas/text';

/** Disputes per thousand orders, rounded; 0 without orders. */
export function disputeRatePermille(disputes: number, orders: number): number {
    return orders > 0 ? Math.round((disputes * 1000) / orders) : 0;
}

export interface BuyerFigures {
    ordersCount: number;
    disputesCount: number;
    /** Disputes opened within `policy.ratingRecentDays`. */
    disputes90dCount: number;
    disputesPartialCount: number;
    disputesLostCount: number;
    escalationsCount: number;
    /** Disputes kept open after the seller offered all the buyer asked for. */
    penaltyCount: number;
}

export interface SellerFigures {
    ordersCount: number;
    disputesCount: number;
    disputesLostCount: number;
    disputesPartialCount: number;
    sellerTimeoutCount: number;
    offersAcceptedCount: number;
}

/** One deduction of a score: `per` points each, at most `max`. */
interface Deduction<F> {
    figure: (figures: F) => number;
    per: number;
    max: number;
}

const clampScore = (score: number) => Math.max(0, Math.min(100, score));
const points = <F>(figures: F, d: Deduction<F>) => Math.min(d.max, Math.max(0, d.figure(figures)) * d.per);

/** What lowers a buyer's score, in the README's order. */
export const BUYER_DEDUCTIONS: Record<string, Deduction<BuyerFigures>> = {
    /** 1 point per whole percent of orders disputed. */
    disputeRate: {
        figure: (f) => Math.round(disputeRatePermille(f.disputesCount, f.ordersCount) / 10),
        per: 1,
        max: 30,
    },
    /** Claims a ruling found unfounded. */
    disputesLost: { figure: (f) => f.disputesLostCount, per: 4, max: 20 },
    disputesPartial: { figure: (f) => f.disputesPartialCount, per: 2, max: 10 },
    /** Kept a dispute open after being satisfied ("bad karma"). */
    keptOpen: { figure: (f) => f.penaltyCount, per: 10, max: 20 },
    /** A burst of disputes: each beyond the first within the recent window. */
    recentDisputes: { figure: (f) => f.disputes90dCount - 1, per: 2, max: 10 },
    escalations: { figure: (f) => f.escalationsCount, per: 1, max: 10 },
};

/** What lowers (or, with a negative `per`, raises) a seller's score. */
export const SELLER_DEDUCTIONS: Record<string, Deduction<SellerFigures>> = {
    /** 2 points per whole percent of orders disputed. */
    disputeRate: {
        figure: (f) => Math.round(disputeRatePermille(f.disputesCount, f.ordersCount) / 10),
        per: 2,
        max: 30,
    },
    /** Rulings of a full refund against the seller. */
    disputesLost: { figure: (f) => f.disputesLostCount, per: 3, max: 30 },
    disputesPartial: { figure: (f) => f.disputesPartialCount, per: 1, max: 10 },
    /** Never answered the buyer within the response deadline. */
    sellerTimeouts: { figure: (f) => f.sellerTimeoutCount, per: 5, max: 25 },
};

/** Settling with the buyer counts in the seller's favour: 1 point per accepted offer, at most 10. */
export const SELLER_SETTLEMENT_BONUS = { per: 1, max: 10 };

/** 0–100: 100 less each deduction of BUYER_DEDUCTIONS. */
export function buyerScore(figures: BuyerFigures): number {
    let score = 100;
    for (const deduction of Object.values(BUYER_DEDUCTIONS)) score -= points(figures, deduction);
    return clampScore(score);
}

/** 0–100: 100 less each deduction of SELLER_DEDUCTIONS, plus the settlement bonus. */
export function sellerScore(figures: SellerFigures): number {
    let score = 100;
    for (const deduction of Object.values(SELLER_DEDUCTIONS)) score -= points(figures, deduction);
    score += Math.min(SELLER_SETTLEMENT_BONUS.max, figures.offersAcceptedCount * SELLER_SETTLEMENT_BONUS.per);
    return clampScore(score);
}

export interface FlagInput {
    ordersCount: number;
    disputesCount: number;
    /** Disputes opened within `policy.frequentDisputerWindowDays`. */
    disputesInWindow: number;
}

export interface FlagVerdict {
    flagged: boolean;
    reason: string | null;
}

/**
 * The frequent-disputer rule: at least `frequentDisputerThreshold` disputes within the window, or
 * a dispute rate above `frequentDisputerRatePercent` over at least `frequentDisputerMinOrders`
 * orders (compared exactly, not on the rounded rate).
 */
export function frequentDisputer(input: FlagInput, policy: Policy): FlagVerdict {
    const { frequentDisputerThreshold: threshold, frequentDisputerWindowDays: days } = policy;
    if (input.disputesInWindow >= threshold) {
        return {
            flagged: true,
            reason: `${input.disputesInWindow} disputes in the last ${days} days (threshold ${threshold})`,
        };
    }
    const percent = policy.frequentDisputerRatePercent;
    if (
        input.ordersCount >= policy.frequentDisputerMinOrders &&
        input.disputesCount * 100 > percent * input.ordersCount
    ) {
        const rate = (disputeRatePermille(input.disputesCount, input.ordersCount) / 10).toFixed(1);
        return {
            flagged: true,
            reason: `Dispute rate ${rate} % over ${input.ordersCount} orders (above ${percent} %)`,
        };
    }
    return { flagged: false, reason: null };
}

export const BLOCK_REASON_MAX_LENGTH = 500;

/** `POST /api/buyers/:id/block` and `/unblock`: why, for the audit log and the buyer's record. */
export const blockSchema = z.strictObject({
    reason: singleLineText()
        .trim()
        .min(1, 'is required')
        .max(BLOCK_REASON_MAX_LENGTH, `must be at most ${BLOCK_REASON_MAX_LENGTH} characters`),
});
export type BlockInput = z.infer<typeof blockSchema>;

/** What each deduction of a buyer's score takes (negative points), for the SPA to explain the score. */
export function buyerScoreParts(figures: BuyerFigures): { key: string; points: number }[] {
    return Object.entries(BUYER_DEDUCTIONS).map(([key, deduction]) => ({
        key,
        points: -points(figures, deduction),
    }));
}

/** The same for a seller, with the settlement bonus last (positive points). */
export function sellerScoreParts(figures: SellerFigures): { key: string; points: number }[] {
    return [
        ...Object.entries(SELLER_DEDUCTIONS).map(([key, deduction]) => ({
            key,
            points: -points(figures, deduction),
        })),
        {
            key: 'offersAccepted',
            points: Math.min(
                SELLER_SETTLEMENT_BONUS.max,
                figures.offersAcceptedCount * SELLER_SETTLEMENT_BONUS.per
            ),
        },
    ];
}
