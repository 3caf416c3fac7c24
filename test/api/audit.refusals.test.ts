import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKind } from '../../server/src/db/dbKind';
import { AuditEvent } from '../../server/src/entities';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('audit of refused requests', () => {
    it('records a state change refused for a missing CSRF token as access.denied', async () => {
        const supervisor = await ctx.as('supervisor');
        const res = await request(ctx.app).post('/api/staff').set('Cookie', supervisor.cookie).send({});
        expect(res.status).toBe(403);
        const events = await ctx.dataSource
            .getRepository(AuditEvent)
            .findBy({ action: 'access.denied', actorId: supervisor.staff.id });
        expect(events).toHaveLength(1);
        expect(events[0].outcome).toBe('denied');
        expect(events[0].after).toMatchObject({ action: 'csrf_check', method: 'POST', path: '/api/staff' });
    });

    it('cannot empty the audit log with TRUNCATE (or DELETE on SQLite, which has no TRUNCATE)', async () => {
        const statement = dbKind === 'postgres' ? 'TRUNCATE audit_event' : 'DELETE FROM audit_event';
        await expect(ctx.dataSource.query(statement)).rejects.toThrow(/append-only/);
        expect(await ctx.dataSource.getRepository(AuditEvent).count()).toBeGreaterThan(0);
    });
});
