import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKind } from '../../server/src/db/dbKind';
import { Dispute } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import { buildDispute, daysFromNow } from '../helpers/factories';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    // Every simulated mediator signs in from the test's one address at the same moment.
    ctx = await createTestApp({
        POLICY_MAX_CASES_PER_MEDIATOR: '100',
        POLICY_LOGIN_ADDRESS_FAILURE_LIMIT: '1000',
    });
});
afterAll(() => ctx.close());

/** A request through another app instance, with an agent's session (sessions live in the database). */
function via(app: Parameters<typeof request>[0], agent: Agent, url: string) {
    return request(app).post(url).set('Cookie', agent.cookie).set('X-CSRF-Token', agent.csrfToken).send({});
}

describe('queue claims under concurrency', () => {
    it('a pick-up racing a release ends consistent: either released then picked, or the pick-up refused', async () => {
        for (let round = 0; round < 5; round++) {
            const holder = await ctx.as('mediator', 'holder');
            const other = await ctx.as('mediator', 'other');
            const dispute = await buildDispute(ctx.dataSource, {
                status: 'in_review',
                assigneeId: holder.staff.id,
                assignedAt: ctx.clock.now(),
            });
            const [release, pickup] = await Promise.all([
                holder.post(`/api/disputes/${dispute.id}/release`).send({}),
                other.post(`/api/disputes/${dispute.id}/pickup`).send({}),
            ]);
            expect(release.status).toBe(200);
            const stored = await ctx.dataSource.getRepository(Dispute).findOneByOrFail({ id: dispute.id });
            if (pickup.status === 200) {
                expect(stored).toMatchObject({ status: 'in_review', assigneeId: other.staff.id, version: 3 });
            } else {
                expect(pickup.status).toBe(409);
                expect(stored).toMatchObject({ status: 'escalated', assigneeId: null, version: 2 });
            }
        }
    });
});

/**
 * Several server processes share one database only on PostgreSQL (README "Running on PostgreSQL"),
 * so there half of the racing requests go through a second app with its own connections. An SQLite
 * deployment is one process, whose transactions take turns: there both halves go through the one
 * app, and the races must still end the same way.
 */
async function secondServer(): Promise<{ app: TestApp['app']; close(): Promise<void> }> {
    if (dbKind === 'postgres') return ctx.secondInstance();
    return { app: ctx.app, close: async () => undefined };
}

describe(`queue claims across server instances (${dbKind === 'postgres' ? 'two processes' : 'one SQLite process'})`, () => {
    // Signed in before the races, which are what the tests time (a sign-in hashes a password).
    let mediators: Agent[];
    beforeAll(async () => {
        mediators = await Promise.all(Array.from({ length: 40 }, (_, i) => ctx.as('mediator', `multi-${i}`)));
    }, 120_000);

    it('gives one dispute to exactly one of 40 mediators racing through both instances', async () => {
        const second = await secondServer();
        try {
            const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
            const results = await Promise.all(
                mediators.map((m, i) =>
                    i % 2
                        ? via(second.app, m, `/api/disputes/${dispute.id}/pickup`)
                        : m.post(`/api/disputes/${dispute.id}/pickup`).send({})
                )
            );
            expect(results.filter((r) => r.status === 200)).toHaveLength(1);
            expect(results.filter((r) => r.status === 409)).toHaveLength(39);
        } finally {
            await second.close();
        }
    });

    it('hands out distinct disputes from queue/next through both instances', async () => {
        const second = await secondServer();
        try {
            await ctx.dataSource
                .getRepository(Dispute)
                .update({ status: 'escalated' }, { status: 'withdrawn' });
            for (let i = 0; i < 30; i++)
                await buildDispute(ctx.dataSource, {
                    status: 'escalated',
                    slaDueAt: daysFromNow(1 + i / 24),
                });
            const results = await Promise.all(
                mediators
                    .slice(0, 30)
                    .map((m, i) =>
                        i % 2 ? via(second.app, m, '/api/queue/next') : m.post('/api/queue/next').send({})
                    )
            );
            expect(results.map((r) => r.status)).toEqual(Array(30).fill(200));
            expect(new Set(results.map((r) => r.body.id)).size).toBe(30);
        } finally {
            await second.close();
        }
    });
});
