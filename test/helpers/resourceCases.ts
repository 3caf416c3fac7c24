import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import {
    Attachment,
    AuditEvent,
    Buyer,
    Decision,
    Dispute,
    DisputeEvent,
    EvidenceRequest,
    Message,
    Offer,
    Order,
    OutboxEvent,
    QaReview,
    Refund,
    Seller,
    Staff,
    WebhookDelivery,
} from '../../server/src/entities';
import {
    buildAttachment,
    buildAuditEvent,
    buildBuyer,
    buildDecision,
    buildDispute,
    buildDisputeEvent,
    buildEvidenceRequest,
    buildMessage,
    buildOffer,
    buildOrder,
    buildRefund,
    buildSeller,
    buildStaff,
    daysFromNow,
} from './factories';

/**
 * How the generic protocol tests exercise one resource: what to build, and which of its fields to
 * sort and filter on. Expected results are always computed from the rows in the database.
 */
export interface ResourceCase {
    name: string;
    entity: EntityTarget<ObjectLiteral>;
    /** Builds a handful of records whose sort and filter fields vary. */
    seed(ds: DataSource): Promise<void>;
    /** A sortable int or date field (no NULLs, so that both databases agree on the order). */
    sortField: string;
    /** An equality filter matching some, not all, rows. */
    eq: [field: string, value: string | number | boolean];
    /** An array filter (IN) matching some, not all, rows. */
    in: [field: string, values: (string | number)[]];
}

async function times(count: number, build: (i: number) => Promise<unknown>): Promise<void> {
    for (let i = 0; i < count; i++) await build(i);
}

/** Two disputes that the records belonging to a dispute are spread over (built once per database). */
const parents = new WeakMap<DataSource, Promise<Dispute[]>>();
function parentDisputes(ds: DataSource): Promise<Dispute[]> {
    if (!parents.has(ds)) {
        parents.set(
            ds,
            Promise.all([buildDispute(ds, { status: 'in_review' }), buildDispute(ds, { status: 'decided' })])
        );
    }
    return parents.get(ds)!;
}

async function disputeIdFor(ds: DataSource, i: number): Promise<number> {
    return (await parentDisputes(ds))[i % 2].id;
}

export const RESOURCE_CASES: ResourceCase[] = [
    {
        name: 'disputes',
        entity: Dispute,
        seed: (ds) =>
            times(6, async (i) => {
                const statuses = ['escalated', 'escalated', 'in_review', 'opened', 'decided', 'negotiating'];
                const order = await buildOrder(ds, { unitPrice: 1000 * (7 - i) });
                await buildDispute(ds, {
                    order,
                    status: statuses[i] as Dispute['status'],
                    reason: (['defective', 'counterfeit', 'wrong_size'] as const)[i % 3],
                    requestedAmount: order.total - i * 100,
                });
            }),
        sortField: 'requestedAmount',
        eq: ['status', 'escalated'],
        in: ['reason', ['defective', 'counterfeit']],
    },
    {
        name: 'orders',
        entity: Order,
        seed: (ds) =>
            times(6, (i) =>
                buildOrder(ds, {
                    unitPrice: 500 + ((i * 7) % 6) * 250,
                    currency: ['USD', 'EUR', 'JPY'][i % 3],
                    paymentMethod: (['card', 'e_wallet', 'cash_sms'] as const)[i % 3],
                })
            ),
        sortField: 'total',
        eq: ['currency', 'EUR'],
        in: ['paymentMethod', ['card', 'cash_sms']],
    },
    {
        name: 'buyers',
        entity: Buyer,
        seed: (ds) =>
            times(6, (i) =>
                buildBuyer(ds, { rating: 40 + ((i * 5) % 6) * 10, country: ['DE', 'FR', 'RU'][i % 3] })
            ),
        sortField: 'rating',
        eq: ['country', 'RU'],
        in: ['country', ['DE', 'FR']],
    },
    {
        name: 'sellers',
        entity: Seller,
        seed: (ds) =>
            times(6, (i) =>
                buildSeller(ds, {
                    externalId: `case-seller-${i}`,
                    positiveFeedbackPermille: 900 + ((i * 5) % 6) * 10,
                    country: i < 2 ? 'TR' : 'CN',
                })
            ),
        sortField: 'positiveFeedbackPermille',
        eq: ['country', 'TR'],
        in: ['externalId', ['case-seller-1', 'case-seller-4']],
    },
    {
        name: 'messages',
        entity: Message,
        seed: (ds) =>
            times(6, async (i) =>
                buildMessage(ds, {
                    disputeId: await disputeIdFor(ds, i),
                    authorKind: (['buyer', 'seller', 'staff'] as const)[i % 3],
                    visibility: (['both', 'internal', 'seller'] as const)[(i + 1) % 3],
                    createdAt: daysFromNow(-((i * 5) % 6)),
                })
            ),
        sortField: 'createdAt',
        eq: ['authorKind', 'staff'],
        in: ['visibility', ['internal', 'seller']],
    },
    {
        name: 'offers',
        entity: Offer,
        seed: (ds) =>
            times(6, async (i) =>
                buildOffer(ds, {
                    disputeId: await disputeIdFor(ds, i),
                    party: i % 3 === 0 ? 'buyer' : 'seller',
                    amount: 300 + ((i * 5) % 6) * 100,
                    status: (['pending', 'accepted', 'rejected', 'superseded'] as const)[i % 4],
                })
            ),
        sortField: 'amount',
        eq: ['party', 'buyer'],
        in: ['status', ['accepted', 'rejected']],
    },
    {
        name: 'attachments',
        entity: Attachment,
        seed: (ds) =>
            times(6, async (i) => {
                const mimes = ['image/jpeg', 'image/png', 'video/mp4', 'application/pdf'];
                const kinds = ['image', 'image', 'video', 'pdf'] as const;
                return buildAttachment(ds, {
                    disputeId: await disputeIdFor(ds, i),
                    mimeType: mimes[i % 4],
                    kind: kinds[i % 4],
                    size: 1000 + ((i * 5) % 6) * 1000,
                });
            }),
        sortField: 'size',
        eq: ['kind', 'video'],
        in: ['mimeType', ['image/png', 'application/pdf']],
    },
    {
        name: 'evidence-requests',
        entity: EvidenceRequest,
        seed: (ds) =>
            times(6, async (i) =>
                buildEvidenceRequest(ds, {
                    disputeId: await disputeIdFor(ds, i),
                    requestedFrom: (['buyer', 'seller', 'both'] as const)[i % 3],
                    status: (['open', 'fulfilled', 'expired'] as const)[(i + 1) % 3],
                    dueAt: daysFromNow(1 + ((i * 5) % 6)),
                })
            ),
        sortField: 'dueAt',
        eq: ['requestedFrom', 'both'],
        in: ['status', ['fulfilled', 'expired']],
    },
    {
        name: 'dispute-events',
        entity: DisputeEvent,
        seed: (ds) =>
            times(6, async (i) =>
                buildDisputeEvent(ds, {
                    disputeId: await disputeIdFor(ds, i),
                    action: i % 2 ? 'pickup' : 'escalate',
                    toStatus: (['escalated', 'in_review', 'decided'] as const)[i % 3],
                    occurredAt: daysFromNow(-((i * 5) % 6)),
                })
            ),
        sortField: 'occurredAt',
        eq: ['action', 'pickup'],
        in: ['toStatus', ['in_review', 'decided']],
    },
    {
        name: 'decisions',
        entity: Decision,
        seed: async (ds) => {
            const mediator = await buildStaff(ds, { role: 'mediator' });
            await times(6, async (i) =>
                buildDecision(ds, {
                    disputeId: await disputeIdFor(ds, i),
                    mediatorId: mediator.id,
                    refundAmount: ((i * 5) % 6) * 500,
                    outcome: i % 3 === 0 ? 'no_refund' : 'partial_refund',
                    status: (['issued', 'pending_approval', 'overturned'] as const)[i % 3],
                })
            );
        },
        sortField: 'refundAmount',
        eq: ['outcome', 'no_refund'],
        in: ['status', ['pending_approval', 'overturned']],
    },
    {
        name: 'refunds',
        entity: Refund,
        seed: (ds) =>
            times(6, async (i) =>
                buildRefund(ds, {
                    disputeId: await disputeIdFor(ds, i),
                    amount: 700 + ((i * 5) % 6) * 10,
                    destination: (['card', 'e_wallet', 'mobile_balance'] as const)[i % 3],
                    status: (['requested', 'completed', 'failed'] as const)[i % 3],
                })
            ),
        sortField: 'amount',
        eq: ['destination', 'mobile_balance'],
        in: ['status', ['completed', 'failed']],
    },
    {
        name: 'audit-events',
        entity: AuditEvent,
        seed: (ds) =>
            times(6, (i) =>
                buildAuditEvent(ds, {
                    action: i % 3 === 1 ? 'decision.approve' : 'dispute.pickup',
                    outcome: (['success', 'denied', 'failure'] as const)[i % 3],
                    occurredAt: daysFromNow(-((i * 5) % 6)),
                })
            ),
        sortField: 'occurredAt',
        eq: ['action', 'decision.approve'],
        in: ['outcome', ['denied', 'failure']],
    },
    {
        name: 'staff',
        entity: Staff,
        seed: (ds) =>
            times(6, (i) =>
                buildStaff(ds, {
                    email: `case-staff-${i}@test.example`,
                    role: (['support', 'mediator', 'supervisor'] as const)[i % 3],
                    createdAt: daysFromNow(-10 - ((i * 5) % 6)),
                })
            ),
        sortField: 'createdAt',
        eq: ['role', 'support'],
        in: ['email', ['case-staff-1@test.example', 'case-staff-2@test.example']],
    },
    {
        name: 'outbox-events',
        entity: OutboxEvent,
        seed: (ds) =>
            times(6, async (i) => {
                const event = await buildOutboxEvent(ds, {
                    disputeId: await disputeIdFor(ds, i),
                    type: (['dispute.decided', 'refund.requested', 'dispute.closed'] as const)[i % 3],
                    audience: (['buyer', 'seller', null] as const)[i % 3],
                    status: (['pending', 'delivered', 'dead'] as const)[i % 3],
                    attempts: (i * 5) % 6,
                });
                await ds.getRepository(WebhookDelivery).insert({
                    outboxEventId: event.id,
                    attempt: 1,
                    responseStatus: [200, 500, null][i % 3],
                    error: i % 3 === 2 ? 'connect ECONNREFUSED' : null,
                    responseBody: i % 3 === 2 ? null : 'ok',
                    durationMs: 10 + ((i * 5) % 6),
                    attemptedAt: daysFromNow(-i),
                });
            }),
        sortField: 'attempts',
        eq: ['status', 'dead'],
        in: ['type', ['refund.requested', 'dispute.closed']],
    },
    {
        name: 'webhook-deliveries',
        entity: WebhookDelivery,
        // Written with the outbox events above.
        seed: async () => {},
        sortField: 'durationMs',
        eq: ['responseStatus', 500],
        in: ['responseStatus', [200, 500]],
    },
    {
        name: 'qa-reviews',
        entity: QaReview,
        seed: async (ds) => {
            const reviewer = await buildStaff(ds, { role: 'supervisor' });
            const verdicts = ['agree', 'disagree', null, 'agree', null, 'disagree'] as const;
            await times(6, async (i) => {
                const decision = await buildDecision(ds, { disputeId: await disputeIdFor(ds, i) });
                await ds.getRepository(QaReview).save({
                    decisionId: decision.id,
                    reviewerId: reviewer.id,
                    sampleId: `case-sample-${i % 2}`,
                    verdict: verdicts[i],
                    comment: verdicts[i] === 'disagree' ? 'The refund is too high' : null,
                    createdAt: daysFromNow(-5 + i),
                    answeredAt: verdicts[i] ? daysFromNow(-4 + i) : null,
                });
            });
        },
        sortField: 'decisionId',
        eq: ['verdict', 'agree'],
        in: ['sampleId', ['case-sample-0']],
    },
];

/** An outbox event as the recorder queues it (tests of the console's deliveries screen). */
async function buildOutboxEvent(ds: DataSource, overrides: Partial<OutboxEvent>): Promise<OutboxEvent> {
    return ds.getRepository(OutboxEvent).save({
        type: 'dispute.decided',
        disputeId: null,
        audience: null,
        payload: { note: 'resource case' },
        status: 'pending',
        attempts: 0,
        nextAttemptAt: daysFromNow(0),
        lastError: null,
        deliveredAt: null,
        leaseHolder: null,
        leaseUntil: null,
        createdAt: daysFromNow(-1),
        ...overrides,
    } as OutboxEvent);
}

export { idsWhere, rowsOf, sortedIds, type Row } from './rows';

/** Builds the records of every case. */
export async function seedAllCases(ds: DataSource): Promise<void> {
    for (const c of RESOURCE_CASES) await c.seed(ds);
}

/** `[name, case]` rows for `describe.each(…)('GET /api/%s', (_name, c) => …)`. */
export function byName(cases: ResourceCase[]): [string, ResourceCase][] {
    return cases.map((c) => [c.name, c]);
}
