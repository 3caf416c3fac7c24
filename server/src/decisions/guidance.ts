/**
 * What a mediator sees beside the ruling form: what the buyer asked, the seller's last offer, the
 * partial-refund rule of thumb, and the precedents (the most similar decided disputes).
 * STUB — being written (issue 10, guidance helper).
 */
import type { DataSource } from 'typeorm';
import type { Outcome, RequestedSolution } from '../../../shared/domain';
import type { Policy } from '../../../shared/policy';

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

export interface Guidance {
    disputeId: number;
    currency: string;
    orderTotal: number;
    requested: { solution: RequestedSolution; amount: number };
    lastOffer: { id: number; solution: string; amount: number | null; status: string; createdAt: string } | null;
    /** "Sellers commonly agree up to N %": guidance, never a cap. */
    partialGuidance: { percent: number; amount: number };
    precedents: {
        count: number;
        outcomes: Record<Outcome, number>;
        /** Null when there is no precedent. */
        medianRefundPercent: number | null;
        /** A ruling this many points or more from the median asks for confirmation. */
        farPercentPoints: number;
        items: Precedent[];
    };
}

export async function disputeGuidance(_dataSource: DataSource, _policy: Policy, _disputeId: number): Promise<Guidance> {
    throw new Error('not built yet');
}
