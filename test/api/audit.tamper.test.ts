import { describe, expect, it } from 'vitest';
import { eventHash } from '../../server/src/audit/auditLog';
import { AuditEvent } from '../../server/src/entities';
import { disableAppendOnlyTrigger } from '../helpers/audit';
import { freshAgent } from '../helpers/sessions';
import { createTestApp, type TestApp } from '../helpers/testApp';

/**
 * A fresh app whose log holds a dozen events (sign-ins, a staff change, refusals), with the
 * append-only trigger switched off the way an attacker with database access would.
 */
async function withTamperableLog(
    test: (ctx: TestApp, events: AuditEvent[], verify: () => Promise<unknown>) => Promise<void>
) {
    const ctx = await createTestApp();
    try {
        const supervisor = await freshAgent(ctx, 'supervisor');
        const support = await freshAgent(ctx, 'support');
        const mediator = await freshAgent(ctx, 'mediator');
        expect(
            (await supervisor.put(`/api/staff/${mediator.staff.id}`).send({ fullName: 'Renamed Mediator' }))
                .status
        ).toBe(200);
        for (let i = 0; i < 4; i++) expect((await support.get('/api/staff')).status).toBe(403);
        for (let i = 0; i < 4; i++) expect((await mediator.get('/api/audit-events')).status).toBe(403);
        const events = await ctx.dataSource.getRepository(AuditEvent).find({ order: { id: 'ASC' } });
        expect(events).toHaveLength(12);
        const verify = async () => {
            const res = await supervisor.get('/api/audit-events/verify');
            expect(res.status).toBe(200);
            return res.body;
        };
        expect(await verify()).toEqual({ ok: true, checked: 12, firstBrokenId: null });
        await disableAppendOnlyTrigger(ctx.dataSource);
        await test(ctx, events, verify);
    } finally {
        await ctx.close();
    }
}

describe('GET /api/audit-events/verify on a tampered log', () => {
    it('reports the event whose `after` was changed in the database', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            const target = events.find((event) => event.action === 'staff.update')!;
            const forged = JSON.stringify({ ...target.after, fullName: 'Someone Else' });
            await ctx.dataSource.query(
                `UPDATE audit_event SET "after" = '${forged}' WHERE id = ${target.id}`
            );
            expect(await verify()).toEqual({
                ok: false,
                checked: events.indexOf(target) + 1,
                firstBrokenId: target.id,
            });
        });
    });

    it('reports the event whose `action` was changed in the database', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            const target = events[7];
            await ctx.dataSource.query(
                `UPDATE audit_event SET action = 'auth.logout' WHERE id = ${target.id}`
            );
            expect(await verify()).toEqual({ ok: false, checked: 8, firstBrokenId: target.id });
        });
    });

    it('reports the earliest of several changed events', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            await ctx.dataSource.query(
                `UPDATE audit_event SET outcome = 'success' WHERE id = ${events[9].id}`
            );
            await ctx.dataSource.query(
                `UPDATE audit_event SET "actorRole" = 'supervisor' WHERE id = ${events[5].id}`
            );
            expect(await verify()).toEqual({ ok: false, checked: 6, firstBrokenId: events[5].id });
        });
    });

    it('reports the event after one that was rewritten with a recomputed hash', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            const target = events[4];
            const forged = { ...target, actorId: null, actorRole: 'system' };
            const hash = eventHash(target.prevHash, forged);
            await ctx.dataSource.query(
                `UPDATE audit_event SET "actorId" = NULL, "actorRole" = 'system', hash = '${hash}' WHERE id = ${target.id}`
            );
            expect(await verify()).toEqual({ ok: false, checked: 6, firstBrokenId: events[5].id });
        });
    });

    it('reports the event after one that was deleted', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            await ctx.dataSource.query(`DELETE FROM audit_event WHERE id = ${events[2].id}`);
            expect(await verify()).toEqual({ ok: false, checked: 3, firstBrokenId: events[3].id });
        });
    });
});
