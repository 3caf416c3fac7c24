import type { DisputeReason } from '../../shared/domain';
import { Decision } from '../../server/src/entities';
import type { Agent } from './agent';
import { buildBuyer, buildDispute, buildOrder, buildSeller, HOUR } from './factories';
import { newKey } from './integration';
import type { TestApp } from './testApp';

export interface RulingSpec {
    total?: number;
    refund: number;
    reason?: DisputeReason;
    /** Hours from the escalation to the ruling (the ruling is made at the clock's now). */
    hoursSinceEscalation?: number;
    /** The dispute's review SLA target was breached before the ruling. */
    slaBreached?: boolean;
}

/**
 * A dispute in review held by `mediator`, ruled through the real API at the clock's now; the
 * decision as stored (issued at once below the four-eyes threshold, else pending approval).
 */
export async function ruleThroughApi(ctx: TestApp, mediator: Agent, spec: RulingSpec): Promise<Decision> {
    const now = ctx.clock.now();
    const escalatedAt = new Date(now.getTime() - (spec.hoursSinceEscalation ?? 24) * HOUR);
    const order = await buildOrder(ctx.dataSource, {
        buyer: await buildBuyer(ctx.dataSource, { flagged: false }),
        seller: await buildSeller(ctx.dataSource),
        unitPrice: spec.total ?? 10_000,
    });
    const dispute = await buildDispute(ctx.dataSource, {
        order,
        status: 'in_review',
        reason: spec.reason ?? 'not_as_described',
        goodsReceived: true,
        assigneeId: mediator.staff.id,
        assignedAt: escalatedAt,
        escalatedAt,
        slaDueAt: new Date(escalatedAt.getTime() + 7 * 24 * HOUR),
        slaTargetBreachedAt: spec.slaBreached ? new Date(now.getTime() - HOUR) : null,
    });
    const res = await mediator
        .post(`/api/disputes/${dispute.id}/decision`)
        .set('Idempotency-Key', newKey())
        .send({
            refundAmount: spec.refund,
            returnRequired: false,
            rationaleBuyer: 'The evidence on file supports this ruling for the buyer.',
            rationaleSeller: 'The evidence on file supports this ruling for the seller.',
            evidenceIds: [],
        });
    if (res.status !== 201) throw new Error(`ruling failed: ${res.status} ${JSON.stringify(res.body)}`);
    return ctx.dataSource.getRepository(Decision).findOneByOrFail({ id: res.body.id });
}
