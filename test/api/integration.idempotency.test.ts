import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, Dispute, IdempotencyKey, Offer } from '../../server/src/entities';
import { BOOT_ID, markInFlight, requestHash } from '../../server/src/http/idempotency';
import { buildDispute, DAY } from '../helpers/factories';
import { integrationPost, newKey, openDisputeBody } from '../helpers/integration';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

const disputesOfOrder = async (externalId: string) =>
    ctx.dataSource
        .getRepository(Dispute)
        .createQueryBuilder('d')
        .innerJoin('d.order', 'o')
        .where('o.externalId = :externalId', { externalId })
        .getCount();

describe('Idempotency-Key on every POST of /integration/v1', () => {
    it('answers 400 without a key, or with one longer than 255 characters, and writes nothing', async () => {
        const body = openDisputeBody(ctx);
        const missing = await integrationPost(ctx, '/disputes', body, { key: null });
        expect(missing.status).toBe(400);
        expect(missing.body).toEqual({
            message: 'Every POST needs an Idempotency-Key header',
            errors: { 'Idempotency-Key': 'is required' },
        });
        const tooLong = await integrationPost(ctx, '/disputes', body, { key: 'k'.repeat(256) });
        expect(tooLong.status).toBe(400);
        expect(tooLong.body.errors['Idempotency-Key']).toMatch(/at most 255/);
        expect(await disputesOfOrder(body.order.externalId)).toBe(0);
        const longest = await integrationPost(ctx, '/disputes', body, {
            key: `${newKey()}-`.padEnd(255, 'x'),
        });
        expect(longest.status).toBe(201);
    });

    it('replays the first answer to a retry with the same key and body, with a single effect', async () => {
        const body = openDisputeBody(ctx);
        const key = newKey();
        const first = await integrationPost(ctx, '/disputes', body, { key });
        expect(first.status).toBe(201);
        expect(first.headers['idempotent-replayed']).toBeUndefined();
        const auditCount = await ctx.dataSource.getRepository(AuditEvent).count();
        ctx.clock.advance(DAY);
        try {
            const retry = await integrationPost(ctx, '/disputes', body, { key });
            expect(retry.status).toBe(201);
            expect(retry.text).toBe(first.text);
            expect(retry.headers['idempotent-replayed']).toBe('true');
        } finally {
            ctx.clock.set(TEST_NOW);
        }
        expect(await disputesOfOrder(body.order.externalId)).toBe(1);
        expect(await ctx.dataSource.getRepository(AuditEvent).count()).toBe(auditCount);
    });

    it('treats a body with its members in another order as the same request', async () => {
        const key = newKey();
        const body = openDisputeBody(ctx);
        const first = await integrationPost(ctx, '/disputes', body, { key });
        const reordered = { claim: body.claim, seller: body.seller, buyer: body.buyer, order: body.order };
        const retry = await integrationPost(ctx, '/disputes', reordered, { key });
        expect(retry.status).toBe(first.status);
        expect(retry.body).toEqual(first.body);
    });

    it('answers 422 for the same key with a different body, and does not act', async () => {
        const key = newKey();
        const body = openDisputeBody(ctx);
        expect((await integrationPost(ctx, '/disputes', body, { key })).status).toBe(201);
        const other = openDisputeBody(ctx);
        const res = await integrationPost(ctx, '/disputes', other, { key });
        expect(res.status).toBe(422);
        expect(res.body.message).toMatch(/already used for a different request/);
        expect(await disputesOfOrder(other.order.externalId)).toBe(0);
    });

    it('answers 422 for a key reused on the same route for another dispute, not on another route', async () => {
        const key = newKey();
        const a = await buildDispute(ctx.dataSource, { status: 'negotiating' });
        const b = await buildDispute(ctx.dataSource, { status: 'negotiating' });
        expect((await integrationPost(ctx, `/disputes/${a.id}/withdraw`, {}, { key })).status).toBe(200);
        expect((await integrationPost(ctx, `/disputes/${b.id}/withdraw`, {}, { key })).status).toBe(422);
        const offer = { solution: 'partial_refund_keep', amount: 100 };
        expect((await integrationPost(ctx, `/disputes/${b.id}/offers`, offer, { key })).status).toBe(201);
    });

    it('replays a refusal too, even once the action would be allowed', async () => {
        const key = newKey();
        const dispute = await buildDispute(ctx.dataSource, { status: 'opened' });
        const first = await integrationPost(ctx, `/disputes/${dispute.id}/escalate`, {}, { key });
        expect(first.status).toBe(409);
        await ctx.dataSource.getRepository(Dispute).update({ id: dispute.id }, { status: 'negotiating' });
        const retry = await integrationPost(ctx, `/disputes/${dispute.id}/escalate`, {}, { key });
        expect(retry.status).toBe(409);
        expect(retry.text).toBe(first.text);
        expect(retry.headers['idempotent-replayed']).toBe('true');
    });

    it('does not use up the key on a body that is not valid', async () => {
        const key = newKey();
        const body = openDisputeBody(ctx);
        const invalid = await integrationPost(
            ctx,
            '/disputes',
            { ...body, claim: { ...body.claim, reason: 'x' } },
            { key }
        );
        expect(invalid.status).toBe(400);
        expect((await integrationPost(ctx, '/disputes', body, { key })).status).toBe(201);
    });

    it('opens one dispute for 10 concurrent requests with the same key; all get its answer', async () => {
        const key = newKey();
        const body = openDisputeBody(ctx);
        const results = await Promise.all(
            Array.from({ length: 10 }, () => integrationPost(ctx, '/disputes', body, { key }))
        );
        expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
        expect(new Set(results.map((r) => r.text)).size).toBe(1);
        expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
        expect(await disputesOfOrder(body.order.externalId)).toBe(1);
        const rows = await ctx.dataSource.getRepository(IdempotencyKey).findBy({ key });
        expect(rows.map((r) => [r.scope, r.responseStatus])).toEqual([
            ['POST /integration/v1/disputes', 201],
        ]);
    });

    it('makes one offer for 10 concurrent requests with the same key', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'negotiating' });
        const key = newKey();
        const offer = { solution: 'partial_refund_keep', amount: 700 };
        const results = await Promise.all(
            Array.from({ length: 10 }, () =>
                integrationPost(ctx, `/disputes/${dispute.id}/offers`, offer, { key })
            )
        );
        expect(new Set(results.map((r) => `${r.status} ${r.text}`)).size).toBe(1);
        expect(await ctx.dataSource.getRepository(Offer).countBy({ disputeId: dispute.id })).toBe(1);
    });

    it('lets a retry take over the key of a request that died before answering', async () => {
        const key = newKey();
        const body = openDisputeBody(ctx);
        const hash = requestHash({
            method: 'POST',
            originalUrl: '/integration/v1/disputes',
            body,
        } as Request);
        await ctx.dataSource.getRepository(IdempotencyKey).insert({
            scope: 'POST /integration/v1/disputes',
            key,
            requestHash: hash,
            createdAt: new Date(ctx.clock.now().getTime() - DAY),
        });
        const res = await integrationPost(ctx, '/disputes', body, { key });
        expect(res.status).toBe(201);
        expect(await disputesOfOrder(body.order.externalId)).toBe(1);
    });
});

describe('a claim left by a server process that died', () => {
    let crashCtx: TestApp;
    beforeAll(async () => {
        crashCtx = await createTestApp();
    });
    afterAll(() => crashCtx.close());

    it('counts as abandoned at once after a restart (SQLite: one process), after a minute on PostgreSQL', async () => {
        const onPostgres = Boolean(process.env.DATABASE_URL);
        const key = newKey();
        const body = openDisputeBody(crashCtx);
        const hash = requestHash({
            method: 'POST',
            originalUrl: '/integration/v1/disputes',
            body,
        } as Request);
        // What a process killed mid-request leaves: a claim with no answer, of another boot.
        await crashCtx.dataSource.getRepository(IdempotencyKey).insert({
            scope: 'POST /integration/v1/disputes',
            key,
            requestHash: hash,
            bootId: '00000000-0000-4000-8000-000000000000',
            createdAt: new Date(crashCtx.clock.now().getTime() - (onPostgres ? 2 * 60_000 : 0)),
        });
        // A claim not taken over would be waited on for 10 s and answered 409.
        const res = await integrationPost(crashCtx, '/disputes', body, { key });
        expect(res.status).toBe(201);
    });

    it('answers a retry of a request really in progress with 409 and Retry-After', async () => {
        const key = newKey();
        const body = openDisputeBody(crashCtx);
        const hash = requestHash({
            method: 'POST',
            originalUrl: '/integration/v1/disputes',
            body,
        } as Request);
        // A claim of this very process that it is working on: the same owner, in flight.
        await crashCtx.dataSource.getRepository(IdempotencyKey).insert({
            scope: 'POST /integration/v1/disputes',
            key,
            requestHash: hash,
            bootId: BOOT_ID,
            createdAt: crashCtx.clock.now(),
        });
        const row = await crashCtx.dataSource.getRepository(IdempotencyKey).findOneByOrFail({ key });
        markInFlight(row.id);
        try {
            const res = await integrationPost(crashCtx, '/disputes', body, { key });
            expect(res.status).toBe(409);
            expect(res.headers['retry-after']).toBe('1');
            expect(res.body.message).toMatch(/still in progress/);
        } finally {
            markInFlight(row.id, false);
        }
    }, 40_000);
});
