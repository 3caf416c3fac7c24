import type sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyChain } from '../../server/src/audit/auditVerify';
import { dbKind } from '../../server/src/db/dbKind';
import { insertBatched } from '../../server/src/db/statementBatch';
import { writeTransaction } from '../../server/src/db/transaction';
import { AuditEvent, DisputeEvent } from '../../server/src/entities';
import { buildDispute } from '../helpers/factories';
import { createTestApp, TEST_NOW, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

const event = (disputeId: number, note: string | null) => ({
    disputeId,
    action: 'note',
    fromStatus: 'in_review',
    toStatus: 'in_review',
    actorKind: 'staff',
    actorStaffId: null,
    note,
    occurredAt: TEST_NOW,
});

const eventsOf = (disputeId: number) =>
    ctx.dataSource.getRepository(DisputeEvent).find({ where: { disputeId }, order: { id: 'ASC' } });

describe('insertBatched (db/statementBatch.ts)', () => {
    it('lets the transaction read its batched rows at once, and commits them with it', async () => {
        const { id } = await buildDispute(ctx.dataSource, { status: 'in_review' });
        const seen = await writeTransaction(ctx.dataSource, async (tx) => {
            await insertBatched(tx, 'dispute_event', event(id, 'first'));
            await insertBatched(tx, 'dispute_event', event(id, 'second'));
            return tx.getRepository(DisputeEvent).countBy({ disputeId: id });
        });
        expect(seen).toBe(2);
        expect((await eventsOf(id)).map((e) => e.note)).toEqual(['first', 'second']);
    });

    it('keeps text exactly: quotes, line breaks, NUL, non-Latin letters and emoji', async () => {
        const { id } = await buildDispute(ctx.dataSource, { status: 'in_review' });
        const notes = ['it\'s "broken"; DROP TABLE x; --', 'line 1\nline 2\r\n\ttab', 'Сергей 🙂 ü', ''];
        // PostgreSQL text cannot hold NUL at all; SQLite's can, and exec must not cut the SQL there.
        if (dbKind === 'sqlite') notes.push('a\u0000b');
        await writeTransaction(ctx.dataSource, async (tx) => {
            for (const note of notes) await insertBatched(tx, 'dispute_event', event(id, note));
        });
        expect((await eventsOf(id)).map((e) => e.note)).toEqual(notes);
    });

    it('rolls the whole transaction back when a batched row fails, writes before it included', async () => {
        const { id } = await buildDispute(ctx.dataSource, { status: 'in_review' });
        await expect(
            writeTransaction(ctx.dataSource, async (tx) => {
                await insertBatched(tx, 'dispute_event', event(id, 'kept only if all is'));
                // NOT NULL violated: fails with the COMMIT it travels with.
                await insertBatched(tx, 'dispute_event', { ...event(id, 'bad'), action: null });
            })
        ).rejects.toThrow(/NOT NULL|null value/i);
        expect(await eventsOf(id)).toEqual([]);
        // The connection is usable again, outside and inside a transaction.
        await writeTransaction(ctx.dataSource, (tx) =>
            insertBatched(tx, 'dispute_event', event(id, 'after'))
        );
        expect((await eventsOf(id)).map((e) => e.note)).toEqual(['after']);
    });

    it('drops the batched rows of a transaction that throws', async () => {
        const { id } = await buildDispute(ctx.dataSource, { status: 'in_review' });
        await expect(
            writeTransaction(ctx.dataSource, async (tx) => {
                await insertBatched(tx, 'dispute_event', event(id, 'dropped'));
                throw new Error('refused');
            })
        ).rejects.toThrow('refused');
        expect(await eventsOf(id)).toEqual([]);
    });

    it('writes at once outside a write transaction', async () => {
        const { id } = await buildDispute(ctx.dataSource, { status: 'in_review' });
        await insertBatched(ctx.dataSource.manager, 'dispute_event', event(id, 'alone'));
        expect((await eventsOf(id)).map((e) => e.note)).toEqual(['alone']);
    });

    it("sends a pick-up's timeline and audit rows with its COMMIT, in one call on SQLite", async () => {
        await buildDispute(ctx.dataSource, { status: 'escalated', assigneeId: null });
        const mediator = await ctx.as('mediator', 'batching');
        const runner = ctx.dataSource.createQueryRunner();
        const execs: string[] = [];
        if (dbKind === 'sqlite') {
            const database = (await runner.connect()) as sqlite3.Database;
            const exec = database.exec.bind(database);
            vi.spyOn(database, 'exec').mockImplementation((sql, callback) => {
                execs.push(sql);
                return exec(sql, callback);
            });
        }
        const auditBefore = await ctx.dataSource.getRepository(AuditEvent).count();
        const res = await mediator.post('/api/queue/next').send({});
        vi.restoreAllMocks();
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const timeline = await eventsOf(res.body.id);
        expect(timeline.at(-1)).toMatchObject({ action: 'pickup', toStatus: 'in_review' });
        expect(await ctx.dataSource.getRepository(AuditEvent).count()).toBe(auditBefore + 1);
        expect((await verifyChain(ctx.dataSource)).ok).toBe(true);
        if (dbKind === 'sqlite') {
            expect(execs).toHaveLength(1);
            expect(execs[0]).toMatch(
                /^INSERT INTO "dispute_event"[^]*;\nINSERT INTO "audit_event"[^]*;\nCOMMIT$/
            );
        }
    });
    it('begins the transaction waiting behind a commit in the same call (SQLite), and keeps each one whole', async () => {
        const { id } = await buildDispute(ctx.dataSource, { status: 'in_review' });
        const sent: string[] = [];
        if (dbKind === 'sqlite') {
            const database = (await ctx.dataSource.createQueryRunner().connect()) as sqlite3.Database;
            for (const method of ['exec', 'run', 'all'] as const) {
                const original = database[method].bind(database) as (...args: unknown[]) => sqlite3.Database;
                vi.spyOn(database, method).mockImplementation(((sql: string, ...rest: unknown[]) => {
                    sent.push(sql);
                    return original(sql, ...rest);
                }) as never);
            }
        }
        const results = await Promise.allSettled([
            writeTransaction(ctx.dataSource, (tx) => insertBatched(tx, 'dispute_event', event(id, 'one'))),
            writeTransaction(ctx.dataSource, async (tx) => {
                await insertBatched(tx, 'dispute_event', event(id, 'two, rolled back'));
                throw new Error('refused');
            }),
            writeTransaction(ctx.dataSource, (tx) => insertBatched(tx, 'dispute_event', event(id, 'three'))),
        ]);
        vi.restoreAllMocks();
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((await eventsOf(id)).map((e) => e.note)).toEqual(['one', 'three']);
        if (dbKind === 'sqlite') {
            // The first commit began the second transaction; its rollback begins nothing.
            expect(sent.filter((sql) => /^\s*BEGIN/i.test(sql))).toHaveLength(2);
            expect(sent.find((sql) => sql.includes("'one'"))).toMatch(/;\nCOMMIT;\nBEGIN$/);
            expect(sent.find((sql) => sql.includes("'three'"))).toMatch(/;\nCOMMIT$/);
        }
    });
});
