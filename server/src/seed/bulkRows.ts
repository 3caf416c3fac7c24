import {
    DISPUTE_REASONS,
    REQUESTED_SOLUTIONS,
    type DisputeStatus,
    type Outcome,
    type Resolution,
} from '../../../shared/domain';
import { percentOf } from '../../../shared/money';
import { SLA_STATUSES } from '../../../shared/lifecycle';
import { DAY_MS, HOUR_MS, type Policy } from '../../../shared/policy';
import { isFullRefund } from '../../../shared/schemas/integration';
import { startSla } from '../disputes/slaClock';
import { PRODUCTS, quantityFor, trackingNumber, unitPriceFor } from './catalog';
import { isReceivedReason } from './demoOrders';
import type { Random } from './random';
import { msTimestamp, toSqlValue, type SqlValue } from '../db/sqlInsert';
import { pushDecision } from './bulkDecisions';
import { disputeDescription } from './texts';

export interface BulkKind {
    status: DisputeStatus;
    weight: number;
    /** The buyer got a refund (and, unless by agreement, the seller lost). */
    won?: boolean;
    resolution?: Resolution;
    /** A ruled dispute: the outcome of its issued decision. */
    outcome?: Outcome;
}

/** The bulk status mix: ~5 % waiting in the queue, most of the rest long finished. */
export const BULK_KINDS: readonly BulkKind[] = [
    { status: 'opened', weight: 40 },
    { status: 'negotiating', weight: 60 },
    { status: 'escalated', weight: 50 },
    { status: 'in_review', weight: 6 },
    { status: 'awaiting_evidence', weight: 2 },
    { status: 'pending_approval', weight: 2 },
    { status: 'decided', weight: 25, won: true, outcome: 'full_refund' },
    { status: 'decided', weight: 15, outcome: 'partial_refund' },
    { status: 'closed', weight: 150, won: true, resolution: 'ruling', outcome: 'full_refund' },
    { status: 'closed', weight: 100, resolution: 'ruling', outcome: 'partial_refund' },
    { status: 'closed', weight: 150, resolution: 'ruling', outcome: 'no_refund' },
    { status: 'resolved', weight: 80, won: true, resolution: 'seller_timeout' },
    { status: 'resolved', weight: 200, won: true, resolution: 'agreement' },
    { status: 'withdrawn', weight: 120, resolution: 'withdrawn' },
];

export const ORDER_COLUMNS = [
    'id',
    'externalId',
    'buyerId',
    'sellerId',
    'productTitle',
    'quantity',
    'unitPrice',
    'total',
    'currency',
    'paymentMethod',
    'shippedAt',
    'trackingNumber',
    'completedAt',
    'protectionEndsAt',
    'createdAt',
] as const;

export const DISPUTE_COLUMNS = [
    'id',
    'orderId',
    'buyerId',
    'sellerId',
    'goodsReceived',
    'reason',
    'requestedSolution',
    'requestedAmount',
    'currency',
    'description',
    'status',
    'resolution',
    'openedAt',
    'sellerRespondedAt',
    'escalatedAt',
    'decidedAt',
    'closedAt',
    'assigneeId',
    'assignedAt',
    'slaDueAt',
    'slaHardDueAt',
    'slaPausedAt',
    'slaTargetBreachedAt',
    'slaHardBreachedAt',
    'offerAccepted',
    'reopenCount',
    'version',
    'createdAt',
    'updatedAt',
] as const;

/** One bulk dispute's parties and kind, decided up front so counters can be written first. */
export interface BulkDispute {
    orderId: number;
    disputeId: number;
    buyerId: number;
    sellerId: number;
    currency: string;
    country: string;
    kind: BulkKind;
    /** The mediator holding it once picked up (null without mediators). */
    assigneeId: number | null;
    /** The supervisor who approves its ruling when four-eyes applies (null without supervisors). */
    approverId: number | null;
}

/** The value lists pushBulkRows appends to; `nextDecisionId` counts on as decisions are added. */
export interface BulkBatch {
    orders: SqlValue[];
    disputes: SqlValue[];
    decisions: SqlValue[];
    nextDecisionId: number;
}

/** Dates of a dispute of this kind, relative to now (ms since epoch; null when not reached). */
function lifecycle(random: Random, now: number, kind: BulkKind, policy: Policy) {
    const span = (min: number, max: number) => random.real(min, max) * DAY_MS;
    const t = {
        opened: 0,
        responded: null as number | null,
        escalated: null as number | null,
        assigned: null as number | null,
        paused: null as number | null,
        decided: null as number | null,
        closed: null as number | null,
    };
    const escalateAt = (at: number) => {
        t.escalated = at;
        t.opened = at - span(policy.buyerEscalationAfterDays, policy.autoEscalationDays);
        t.responded = t.opened + random.real(2 * HOUR_MS, 2.5 * DAY_MS);
    };
    const review = (sinceMin: number, sinceMax: number) => {
        escalateAt(now - span(sinceMin, sinceMax));
        t.assigned = (t.escalated as number) + random.real(10 * 60_000, 0.4 * DAY_MS);
    };
    switch (kind.status) {
        case 'opened':
            t.opened = now - random.real(HOUR_MS, 4.6 * DAY_MS);
            break;
        case 'negotiating':
            t.opened = now - span(0.5, 14);
            t.responded = t.opened + random.real(HOUR_MS, 0.4 * DAY_MS);
            break;
        case 'escalated':
            escalateAt(now - span(0, policy.slaTargetDays + 10));
            break;
        case 'in_review':
        case 'pending_approval':
            review(0.5, 8);
            break;
        case 'awaiting_evidence':
            review(0.5, 8);
            t.paused = (t.assigned as number) + random.real(0, now - (t.assigned as number));
            break;
        case 'decided':
        case 'closed':
            review(kind.status === 'decided' ? 5 : 15, kind.status === 'decided' ? 30 : 720);
            t.decided = (t.assigned as number) + span(0.1, 3);
            // A refund takes days to complete; a ruling of no refund closes at once.
            if (kind.status === 'closed')
                t.closed = t.decided + (kind.outcome === 'no_refund' ? 0 : span(1, 10));
            break;
        case 'resolved':
            t.opened = now - span(5.1, 720);
            if (kind.resolution === 'seller_timeout')
                t.closed = t.opened + policy.sellerResponseDays * DAY_MS;
            else {
                t.responded = t.opened + random.real(2 * HOUR_MS, 2.5 * DAY_MS);
                t.closed = t.responded + random.real(3 * HOUR_MS, 2.5 * DAY_MS);
            }
            break;
        case 'withdrawn':
            t.opened = now - span(1, 720);
            t.closed = t.opened + random.real(HOUR_MS, 0.9 * DAY_MS);
            break;
    }
    return t;
}

const date = msTimestamp;

/** Appends one order row, one dispute row and its ruling if any (column orders as above). */
export function pushBulkRows(
    random: Random,
    now: number,
    policy: Policy,
    d: BulkDispute,
    batch: BulkBatch
): void {
    const { orders, disputes } = batch;
    const reason = random.pick(DISPUTE_REASONS);
    const received = isReceivedReason(reason);
    const product = random.pick(PRODUCTS);
    const quantity = quantityFor(random, product, reason);
    const unitPrice = unitPriceFor(random, product, d.currency);
    const total = unitPrice * quantity;
    const t = lifecycle(random, now, d.kind, policy);
    const shipped = t.opened - random.real(6 * DAY_MS, 30 * DAY_MS);
    const created = shipped - random.real(DAY_MS, 4 * DAY_MS);
    const completed = received
        ? t.opened - random.real(HOUR_MS, Math.min(10 * DAY_MS, t.opened - shipped - 5 * DAY_MS))
        : null;
    const method = random.weighted([
        ['card', 60],
        ['e_wallet', 30],
        ['cash_sms', d.country === 'RU' || d.country === 'KZ' ? 25 : 4],
    ] as const);
    orders.push(
        d.orderId,
        String(8_000_000_000 + d.orderId),
        d.buyerId,
        d.sellerId,
        product.title,
        quantity,
        unitPrice
    );
    orders.push(total, d.currency, method, date(shipped), trackingNumber(random), date(completed));
    orders.push(
        date(created + random.int(policy.protectionMinDays, policy.protectionMaxDays) * DAY_MS),
        date(created)
    );

    const solution = received ? random.pick(REQUESTED_SOLUTIONS) : 'full_refund_keep';
    const requested = isFullRefund(solution) ? total : Math.max(1, percentOf(total, random.int(20, 60)));
    const reviewed = t.assigned !== null;
    // The review SLA as the SLA clock starts it at escalation; it is breached while it runs.
    const sla = t.escalated === null ? null : startSla(new Date(Math.round(t.escalated)), policy);
    const slaDue = sla?.slaDueAt?.getTime() ?? null;
    const hardDue = sla?.slaHardDueAt?.getTime() ?? null;
    const running = SLA_STATUSES.includes(d.kind.status) && t.paused === null;
    const breached = running && slaDue !== null && slaDue < now;
    const hardBreached = running && hardDue !== null && hardDue < now;
    const updated = t.closed ?? t.decided ?? t.paused ?? t.assigned ?? t.escalated ?? t.responded ?? t.opened;
    const steps = [t.responded, t.escalated, t.assigned, t.paused, t.decided, t.closed].filter(
        (x) => x !== null
    );
    disputes.push(
        d.disputeId,
        d.orderId,
        d.buyerId,
        d.sellerId,
        toSqlValue(received),
        reason,
        solution,
        requested
    );
    disputes.push(d.currency, disputeDescription(random, reason, product.title), d.kind.status);
    disputes.push(d.kind.resolution ?? null, date(t.opened), date(t.responded));
    disputes.push(
        date(t.escalated),
        date(t.decided),
        date(t.closed),
        reviewed ? d.assigneeId : null,
        date(t.assigned)
    );
    disputes.push(date(slaDue), date(hardDue), date(t.paused), breached ? date(slaDue) : null);
    disputes.push(hardBreached ? date(hardDue) : null, toSqlValue(d.kind.resolution === 'agreement'), 0);
    disputes.push(1 + steps.length, date(t.opened), date(updated));
    // A ruling needs its mediator: a database without mediators gets no bulk rulings.
    if (d.kind.outcome && t.decided !== null && d.assigneeId !== null) {
        pushDecision(random, policy, d, batch, {
            reason,
            received,
            solution,
            total,
            decided: t.decided,
            escalated: t.escalated,
            slaDue,
        });
    }
}
