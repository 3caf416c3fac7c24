import { expect } from 'vitest';
import { AuditEvent, Dispute, DisputeEvent } from '../../server/src/entities';
import { listUrl } from './rest';
import type { TestApp } from './testApp';

export const MINUTE = 60_000;

/** `date` moved by whole days and minutes (negative: earlier). */
export function shifted(date: Date, days: number, minutes = 0): Date {
    return new Date(date.getTime() + days * 24 * 60 * MINUTE + minutes * MINUTE);
}

/** A supervisor signed in at the clock's current time (sessions expire as the clock moves on). */
export function supervisorNow(ctx: TestApp) {
    return ctx.as('supervisor', `supervisor-${ctx.clock.now().getTime()}`);
}

/** The dispute as a supervisor sees it through GET /api/disputes/:id. */
export async function shownDispute(ctx: TestApp, id: number): Promise<Record<string, unknown>> {
    const supervisor = await supervisorNow(ctx);
    const res = await supervisor.get(`/api/disputes/${id}`);
    expect(res.status).toBe(200);
    return res.body;
}

/** A supervisor's list of a dispute's records of one resource (refunds, evidence-requests …). */
export async function listedFor(ctx: TestApp, resource: string, disputeId: number) {
    const supervisor = await supervisorNow(ctx);
    const res = await supervisor.get(listUrl(`/api/${resource}`, { filter: { disputeId } }));
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>[];
}

export function storedDispute(ctx: TestApp, id: number): Promise<Dispute> {
    return ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id });
}

/** Timeline entries of a dispute as [action, from, to, actorKind]. */
export async function lifecycleOf(ctx: TestApp, disputeId: number): Promise<string[][]> {
    const events = await ctx.dataSource
        .getRepository(DisputeEvent)
        .find({ where: { disputeId }, order: { id: 'ASC' } });
    return events.map((e) => [e.action, e.fromStatus ?? '', e.toStatus, e.actorKind]);
}

/** Audit events about one entity, oldest first. */
export function auditOf(ctx: TestApp, entity: string, entityId: number): Promise<AuditEvent[]> {
    return ctx.dataSource
        .getRepository(AuditEvent)
        .find({ where: { entity, entityId: String(entityId) }, order: { id: 'ASC' } });
}
