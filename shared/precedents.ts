/** Precedents of a ruling: which decided disputes count as similar, and when a ruling is far from them. */
import type { Outcome, RequestedSolution } from './domain';
import type { Policy } from './policy';

/** How many precedents the guidance shows and takes the median of. */
export const PRECEDENT_LIMIT = 20;

/**
 * The order totals, in minor units, that count as "about the same amount" as `orderTotal`: within
 * ±policy.precedentAmountBandPercent, both edges included, rounded inwards to whole minor units.
 */
export function precedentAmountBand(orderTotal: number, policy: Policy): { min: number; max: number } {
    const band = policy.precedentAmountBandPercent;
    return {
        min: Math.max(0, Math.ceil((orderTotal * (100 - band)) / 100)),
        max: Math.floor((orderTotal * (100 + band)) / 100),
    };
}

/** The median of the values (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * A ruling of `refundPercent` % of the order total lies far from precedents whose median is
 * `medianPercent` when it is policy.precedentFarPercentPoints or more away: the console then asks
 * for an explicit confirmation. Without precedents nothing is far.
 */
export function isFarFromPrecedents(
    refundPercent: number,
    medianPercent: number | null,
    policy: Policy
): boolean {
    if (medianPercent === null) return false;
    return Math.abs(refundPercent - medianPercent) >= policy.precedentFarPercentPoints;
}

/** One precedent as GET /api/disputes/:id/guidance answers it. */
export interface Precedent {
    decisionId: number;
    disputeId: number;
    outcome: Outcome;
    refundAmount: number;
    orderTotal: number;
    currency: string;
    refundPercent: number;
    issuedAt: string;
}

/** GET /api/disputes/:id/guidance: what the mediator sees beside the ruling form. */
export interface Guidance {
    disputeId: number;
    currency: string;
    orderTotal: number;
    requested: { solution: RequestedSolution; amount: number };
    lastOffer: {
        id: number;
        solution: string;
        amount: number | null;
        status: string;
        createdAt: string;
    } | null;
    /** "Sellers commonly agree up to N %": guidance, never a cap. */
    partialGuidance: { percent: number; amount: number };
    precedents: {
        count: number;
        outcomes: Record<Outcome, number>;
        /** Null when there is no precedent. */
        medianRefundPercent: number | null;
        /** A ruling this many points or more from the median asks for confirmation. */
        farPercentPoints: number;
        /** The order totals searched (minor units, both included): ±bandPercent of this order's. */
        band: { percent: number; min: number; max: number };
        items: Precedent[];
    };
}
