/**
 * What a mediator sees beside the ruling form: what the buyer asked, the seller's last offer, the
 * partial-refund rule of thumb, and the precedents (the most similar decided disputes).
 */
import type { DataSource } from 'typeorm';
import {
    OUTCOMES,
    refundPercentOf,
    type DisputeReason,
    type Outcome,
    type RequestedSolution,
} from '../../../shared/domain';
import { percentOf } from '../../../shared/money';
import type { Policy } from '../../../shared/policy';
import {
    median,
    PRECEDENT_LIMIT,
    precedentAmountBand,
    type Guidance,
    type Precedent,
} from '../../../shared/precedents';
import { dbBool, fromDbTimestamp, sqlParam } from '../db/dbKind';
import { notFound } from '../http/HttpError';

/** What a precedent search needs to know of the dispute being ruled on. */
export interface PrecedentSubject {
    disputeId: number;
    reason: DisputeReason;
    goodsReceived: boolean;
    currency: string;
    orderTotal: number;
}

/**
 * The one precedent query: issued rulings of the same reason and received flag, newest first,
 * walking IDX_decision_precedent (reason, goodsReceived, status, issuedAt) backwards and keeping
 * those of the same currency and an order total within the band until PRECEDENT_LIMIT are found.
 */
export function precedentQuery(subject: PrecedentSubject, policy: Policy): [string, unknown[]] {
    const { min, max } = precedentAmountBand(subject.orderTotal, policy);
    const sql = `SELECT "id", "disputeId", "outcome", "refundAmount", "orderTotal", "currency", "issuedAt"
        FROM "decision"
        WHERE "reason" = ${sqlParam(1)} AND "goodsReceived" = ${sqlParam(2)} AND "status" = 'issued'
          AND "issuedAt" IS NOT NULL
          AND "currency" = ${sqlParam(3)} AND "orderTotal" BETWEEN ${sqlParam(4)} AND ${sqlParam(5)}
          AND "disputeId" <> ${sqlParam(6)}
        ORDER BY "issuedAt" DESC, "id" DESC
        LIMIT ${PRECEDENT_LIMIT}`;
    return [
        sql,
        [subject.reason, dbBool(subject.goodsReceived), subject.currency, min, max, subject.disputeId],
    ];
}

interface PrecedentRow {
    id: number;
    disputeId: number;
    outcome: Outcome;
    refundAmount: number;
    orderTotal: number;
    currency: string;
    issuedAt: unknown;
}

export async function findPrecedents(
    reads: DataSource,
    subject: PrecedentSubject,
    policy: Policy
): Promise<Precedent[]> {
    const rows = (await reads.query(...precedentQuery(subject, policy))) as PrecedentRow[];
    return rows.map((row) => {
        const refundAmount = Number(row.refundAmount);
        const orderTotal = Number(row.orderTotal);
        return {
            decisionId: Number(row.id),
            disputeId: Number(row.disputeId),
            outcome: row.outcome,
            refundAmount,
            orderTotal,
            currency: row.currency,
            refundPercent: refundPercentOf(refundAmount, orderTotal),
            issuedAt: fromDbTimestamp(row.issuedAt) as string,
        };
    });
}

interface SubjectRow {
    id: number;
    reason: DisputeReason;
    goodsReceived: boolean | number;
    requestedSolution: RequestedSolution;
    requestedAmount: number;
    currency: string;
    orderTotal: number;
}

interface OfferRow {
    id: number;
    solution: string;
    amount: number | null;
    status: string;
    createdAt: unknown;
}

/** The guidance for ruling on one dispute, read from committed data (`reads`: the read side). */
export async function disputeGuidance(
    reads: DataSource,
    policy: Policy,
    disputeId: number
): Promise<Guidance> {
    const [dispute] = (await reads.query(
        `SELECT "dispute"."id", "dispute"."reason", "dispute"."goodsReceived", "dispute"."requestedSolution",
                "dispute"."requestedAmount", "dispute"."currency", "order"."total" AS "orderTotal"
         FROM "dispute" JOIN "order" ON "order"."id" = "dispute"."orderId"
         WHERE "dispute"."id" = ${sqlParam(1)}`,
        [disputeId]
    )) as SubjectRow[];
    if (!dispute) throw notFound(`Dispute ${disputeId} does not exist`);
    const orderTotal = Number(dispute.orderTotal);
    const subject: PrecedentSubject = {
        disputeId,
        reason: dispute.reason,
        goodsReceived: Boolean(dispute.goodsReceived),
        currency: dispute.currency,
        orderTotal,
    };
    const [offers, items] = await Promise.all([
        reads.query(
            `SELECT "id", "solution", "amount", "status", "createdAt" FROM "offer"
             WHERE "disputeId" = ${sqlParam(1)} AND "party" = 'seller'
             ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`,
            [disputeId]
        ) as Promise<OfferRow[]>,
        findPrecedents(reads, subject, policy),
    ]);
    const offer = offers[0];
    const outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
    for (const item of items) outcomes[item.outcome]++;
    return {
        disputeId,
        currency: dispute.currency,
        orderTotal,
        requested: { solution: dispute.requestedSolution, amount: Number(dispute.requestedAmount) },
        lastOffer: offer
            ? {
                  id: Number(offer.id),
                  solution: offer.solution,
                  amount: offer.amount === null ? null : Number(offer.amount),
                  status: offer.status,
                  createdAt: fromDbTimestamp(offer.createdAt) as string,
              }
            : null,
        partialGuidance: {
            percent: policy.partialRefundGuidancePercent,
            amount: percentOf(orderTotal, policy.partialRefundGuidancePercent),
        },
        precedents: {
            count: items.length,
            outcomes,
            medianRefundPercent: median(items.map((item) => item.refundPercent)),
            farPercentPoints: policy.precedentFarPercentPoints,
            band: { percent: policy.precedentAmountBandPercent, ...precedentAmountBand(orderTotal, policy) },
            items,
        },
    };
}
