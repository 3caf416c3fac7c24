/** The four-eyes rule: which rulings wait for a supervisor's approval. */
import { majorToMinor } from './money';
import type { Policy } from './policy';

/** The refund, in minor units of `currency`, from which a ruling needs a supervisor. */
export function fourEyesThreshold(policy: Policy, currency: string): number {
    const major = policy.fourEyesThresholdMajorByCurrency?.[currency] ?? policy.fourEyesThresholdMajor;
    return majorToMinor(major, currency);
}

/** A refund at or above the threshold, or any ruling on a flagged buyer's dispute. */
export function needsApproval(
    policy: Policy,
    ruling: { refundAmount: number; currency: string; buyerFlagged: boolean }
): boolean {
    return ruling.buyerFlagged || ruling.refundAmount >= fourEyesThreshold(policy, ruling.currency);
}
