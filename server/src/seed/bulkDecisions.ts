/**
 * The issued rulings of the bulk data set: one per decided or closed bulk dispute, with the
 * dispute's reason, received flag and order total copied in as a precedent search reads them.
 */
import { outcomeOf, refundPercentOf, type Outcome } from '../../../shared/domain';
import { needsApproval } from '../../../shared/fourEyes';
import { hoursToDecisionOf } from '../../../shared/mediatorQuality';
import { percentOf } from '../../../shared/money';
import { HOUR_MS, type Policy } from '../../../shared/policy';
import { msTimestamp as date, toSqlValue } from '../db/sqlInsert';
import type { BulkBatch, BulkDispute } from './bulkRows';
import type { Random } from './random';
import { rationale } from './texts';

/** The issued ruling of a decided or closed bulk dispute, with what a precedent search reads. */
export const DECISION_COLUMNS = [
    'id',
    'disputeId',
    'mediatorId',
    'refundAmount',
    'reason',
    'goodsReceived',
    'orderTotal',
    'currency',
    'outcome',
    'returnRequired',
    'returnShippingPaidBy',
    'rationaleBuyer',
    'rationaleSeller',
    'evidenceIds',
    'status',
    'approverId',
    'approvedAt',
    'issuedAt',
    'createdAt',
    'refundPercent',
    'hoursToDecision',
    'slaBreached',
] as const;

/** The issued ruling of a decided/closed dispute, its reason, received flag and total copied in. */
export function pushDecision(
    random: Random,
    policy: Policy,
    d: BulkDispute,
    batch: BulkBatch,
    c: {
        reason: string;
        received: boolean;
        solution: string;
        total: number;
        decided: number;
        escalated: number | null;
        slaDue: number | null;
    }
): void {
    const outcome = d.kind.outcome as Outcome;
    const refundAmount =
        outcome === 'full_refund'
            ? c.total
            : outcome === 'no_refund'
              ? 0
              : Math.min(c.total - 1, Math.max(1, percentOf(c.total, random.int(10, 90))));
    // A one-unit order cannot be refunded in part: outcomeOf has the last word.
    const ruled = outcomeOf(refundAmount, c.total);
    const returnRequired = refundAmount > 0 && c.solution.endsWith('_return');
    const approved =
        d.approverId !== null &&
        needsApproval(policy, { refundAmount, currency: d.currency, buyerFlagged: false });
    const created = approved ? c.decided - random.real(HOUR_MS, 30 * HOUR_MS) : c.decided;
    batch.decisions.push(batch.nextDecisionId++, d.disputeId, d.assigneeId, refundAmount);
    batch.decisions.push(c.reason, toSqlValue(c.received), c.total, d.currency, ruled);
    batch.decisions.push(
        toSqlValue(returnRequired),
        returnRequired ? (random.chance(0.3) ? 'seller' : 'buyer') : null,
        rationale(ruled, 'buyer', returnRequired, c.received),
        rationale(ruled, 'seller', returnRequired, c.received),
        '[]',
        'issued'
    );
    batch.decisions.push(approved ? d.approverId : null, approved ? date(c.decided) : null);
    batch.decisions.push(date(c.decided), date(created));
    batch.decisions.push(
        refundPercentOf(refundAmount, c.total),
        c.escalated === null ? null : hoursToDecisionOf(new Date(c.escalated), new Date(created)),
        toSqlValue(c.slaDue !== null && c.slaDue <= created)
    );
}
