import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditAnchorPath, formatCheckpoint, parseCheckpoint } from '../../server/src/audit/auditAnchor';
import {
    appendAudit,
    auditChainOf,
    eventBody,
    eventHash,
    SYSTEM_ACTOR,
} from '../../server/src/audit/auditLog';
import { BROKEN } from '../../server/src/audit/auditVerify';
import { dbKind } from '../../server/src/db/dbKind';
import { writeTransaction } from '../../server/src/db/transaction';
import { AuditEvent } from '../../server/src/entities';
import { disableAppendOnlyTrigger } from '../helpers/audit';
import { freshAgent } from '../helpers/sessions';
import { createTestApp, type TestApp } from '../helpers/testApp';

type Verify = () => Promise<Record<string, unknown>>;

/**
 * A fresh app whose log holds a dozen events (sign-ins, a staff change, refusals), each written
 * by its own request and so anchored by its own checkpoint.
 */
async function withLog(test: (ctx: TestApp, events: AuditEvent[], verify: Verify) => Promise<void>) {
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
            return res.body as Record<string, unknown>;
        };
        expect(await verify()).toEqual({
            ok: true,
            checked: 12,
            anchoredTo: events[11].id,
            firstBroken: null,
        });
        await test(ctx, events, verify);
    } finally {
        await ctx.close();
    }
}

/** The same, with the append-only triggers switched off the way an intruder with database access would. */
function withTamperableLog(test: (ctx: TestApp, events: AuditEvent[], verify: Verify) => Promise<void>) {
    return withLog(async (ctx, events, verify) => {
        await disableAppendOnlyTrigger(ctx.dataSource);
        await test(ctx, events, verify);
    });
}

const sql = (value: string | null) => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);

/** Plain SHA-256 of the chain before it was keyed: what an intruder without the key can compute. */
function plainHash(prevHash: string, event: AuditEvent): string {
    return createHash('sha256').update(prevHash).update(eventBody(event)).digest('hex');
}

/**
 * Rewrites `events[from]` (its actor becomes the system) and recomputes the hash and link of it
 * and of every later event with `hash`, in place, through raw SQL.
 */
async function rehashTail(
    ctx: TestApp,
    events: AuditEvent[],
    from: number,
    hash: (prevHash: string, event: AuditEvent) => string
) {
    let prevHash = events[from].prevHash;
    for (const [index, original] of events.entries()) {
        if (index < from) continue;
        const event = index === from ? { ...original, actorId: null, actorRole: 'system' } : original;
        const newHash = hash(prevHash, event);
        await ctx.dataSource.query(
            `UPDATE audit_event SET "actorId" = ${event.actorId ?? 'NULL'}, "actorRole" = ${sql(event.actorRole)},
             "prevHash" = '${prevHash}', hash = '${newHash}' WHERE id = ${event.id}`
        );
        prevHash = newHash;
    }
}

const rawInsertColumns =
    'id, "occurredAt", "actorId", "actorRole", action, entity, "entityId", "before", "after", "requestId", ip, outcome, "prevHash", hash';

/** The VALUES of an insert that re-uses an existing event's id and hash with forged content. */
function forgedValues(event: AuditEvent): string {
    const at = dbKind === 'postgres' ? `'${event.occurredAt.toISOString()}'` : `'2026-11-20 12:00:00.000'`;
    return `(${event.id}, ${at}, NULL, 'system', 'auth.logout', 'staff', NULL, NULL, NULL, NULL, NULL, 'success', '${event.prevHash}', '${event.hash}')`;
}

describe('the database refuses to rewrite an audit event', () => {
    it('refuses every rewrite path of the engine: REPLACE / INSERT OR REPLACE / upsert on SQLite; upsert, UPDATE and DELETE under session_replication_role = replica, and TRUNCATE on PostgreSQL', async () => {
        await withLog(async (ctx, events, verify) => {
            const target = events[3];
            const insert = `INSERT INTO audit_event (${rawInsertColumns}) VALUES ${forgedValues(target)}`;
            await expect(
                ctx.dataSource.query(`${insert} ON CONFLICT (id) DO UPDATE SET action = excluded.action`)
            ).rejects.toThrow(/append-only/);
            if (dbKind === 'sqlite') {
                // Both would delete the old row without firing the delete trigger.
                for (const verb of ['REPLACE INTO', 'INSERT OR REPLACE INTO']) {
                    await expect(ctx.dataSource.query(insert.replace('INSERT INTO', verb))).rejects.toThrow(
                        /append-only/
                    );
                }
            } else {
                const runner = ctx.dataSource.createQueryRunner();
                try {
                    // Replica mode silences ordinary triggers; the audit triggers fire ALWAYS.
                    await runner.query('SET session_replication_role = replica');
                    await expect(
                        runner.query(`UPDATE audit_event SET action = 'auth.logout' WHERE id = ${target.id}`)
                    ).rejects.toThrow(/append-only/);
                    await expect(
                        runner.query(`DELETE FROM audit_event WHERE id = ${target.id}`)
                    ).rejects.toThrow(/append-only/);
                    await runner.query('SET session_replication_role = origin');
                } finally {
                    await runner.release();
                }
                await expect(ctx.dataSource.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
            }
            const stored = await ctx.dataSource.getRepository(AuditEvent).findOneByOrFail({ id: target.id });
            expect(stored).toEqual(target);
            expect(await verify()).toMatchObject({ ok: true, checked: 12 });
        });
    });

    it('refuses a plain UPDATE and DELETE', async () => {
        await withLog(async (ctx, events, verify) => {
            await expect(
                ctx.dataSource.query(
                    `UPDATE audit_event SET action = 'auth.logout' WHERE id = ${events[2].id}`
                )
            ).rejects.toThrow(/append-only/);
            await expect(
                ctx.dataSource.query(`DELETE FROM audit_event WHERE id > ${events[8].id}`)
            ).rejects.toThrow(/append-only/);
            expect(await verify()).toMatchObject({ ok: true, checked: 12 });
        });
    });
});

describe('GET /api/audit-events/verify on a tampered log', () => {
    it('names the event whose `after` was changed in the database', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            const target = events.find((event) => event.action === 'staff.update')!;
            const forged = JSON.stringify({ ...target.after, fullName: 'Someone Else' });
            await ctx.dataSource.query(
                `UPDATE audit_event SET "after" = '${forged}' WHERE id = ${target.id}`
            );
            expect(await verify()).toEqual({
                ok: false,
                checked: events.indexOf(target) + 1,
                anchoredTo: events[11].id,
                firstBroken: { id: target.id, reason: BROKEN.hash },
            });
        });
    });

    it('names the earliest of several changed events', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            await ctx.dataSource.query(
                `UPDATE audit_event SET outcome = 'success' WHERE id = ${events[9].id}`
            );
            await ctx.dataSource.query(
                `UPDATE audit_event SET "actorRole" = 'supervisor' WHERE id = ${events[5].id}`
            );
            expect(await verify()).toMatchObject({
                ok: false,
                checked: 6,
                firstBroken: { id: events[5].id, reason: BROKEN.hash },
            });
        });
    });

    it('names the first event of a tail re-hashed with plain SHA-256 or with a wrong key', async () => {
        const wrongKey = Buffer.from('an intruder guessing the audit key, 32+ chars');
        for (const hash of [
            plainHash,
            (prev: string, event: AuditEvent) => eventHash(prev, event, wrongKey),
        ]) {
            await withTamperableLog(async (ctx, events, verify) => {
                await rehashTail(ctx, events, 4, hash);
                expect(await verify()).toEqual({
                    ok: false,
                    checked: 5,
                    anchoredTo: events[11].id,
                    firstBroken: { id: events[4].id, reason: BROKEN.hash },
                });
            });
        }
    });

    it('names the first event of a tail re-hashed with the stolen key: it differs from its checkpoint', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            const { key } = auditChainOf(ctx.dataSource);
            await rehashTail(ctx, events, 4, (prev, event) => eventHash(prev, event, key));
            expect(await verify()).toEqual({
                ok: false,
                checked: 5,
                anchoredTo: events[11].id,
                firstBroken: { id: events[4].id, reason: BROKEN.anchor },
            });
        });
    });

    it('names the first missing event of a truncated tail (the newest rows deleted)', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            await ctx.dataSource.query(`DELETE FROM audit_event WHERE id >= ${events[9].id}`);
            expect(await verify()).toEqual({
                ok: false,
                checked: 9,
                anchoredTo: events[11].id,
                firstBroken: { id: events[9].id, reason: BROKEN.truncated },
            });
        });
    });

    it('notices a log emptied completely', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            await ctx.dataSource.query('DELETE FROM audit_event');
            expect(await verify()).toEqual({
                ok: false,
                checked: 0,
                anchoredTo: events[11].id,
                firstBroken: { id: events[0].id, reason: BROKEN.truncated },
            });
        });
    });

    it('names an event deleted from the middle', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            await ctx.dataSource.query(`DELETE FROM audit_event WHERE id = ${events[2].id}`);
            expect(await verify()).toEqual({
                ok: false,
                checked: 2,
                anchoredTo: events[11].id,
                firstBroken: { id: events[2].id, reason: BROKEN.missing },
            });
        });
    });

    it('names the event after one that was deleted, when no checkpoint names the deleted one', async () => {
        await withTamperableLog(async (ctx, events, verify) => {
            const file = auditAnchorPath(ctx.config.dataDir);
            const { key } = auditChainOf(ctx.dataSource);
            const kept = fs
                .readFileSync(file, 'utf8')
                .split('\n')
                .filter((line) => line && parseCheckpoint(key, line)?.id !== events[2].id);
            fs.writeFileSync(file, kept.join('\n') + '\n');
            await ctx.dataSource.query(`DELETE FROM audit_event WHERE id = ${events[2].id}`);
            expect(await verify()).toEqual({
                ok: false,
                checked: 3,
                anchoredTo: events[11].id,
                firstBroken: { id: events[3].id, reason: BROKEN.link },
            });
        });
    });
});

describe('the anchor file', () => {
    it('holds one signed checkpoint per committed transaction, private to the server (mode 0600)', async () => {
        await withLog(async (ctx, events) => {
            const file = auditAnchorPath(ctx.config.dataDir);
            expect(fs.statSync(file).mode & 0o777).toBe(0o600);
            const { key } = auditChainOf(ctx.dataSource);
            const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
            expect(lines.map((line) => parseCheckpoint(key, line))).toEqual(
                events.map((event) => ({ id: event.id, hash: event.hash }))
            );
        });
    });

    it('anchors nothing for a transaction that rolled back, and the chain still verifies', async () => {
        await withLog(async (ctx, events, verify) => {
            const file = auditAnchorPath(ctx.config.dataDir);
            const before = fs.readFileSync(file, 'utf8');
            await expect(
                writeTransaction(ctx.dataSource, async (manager) => {
                    await appendAudit(
                        manager,
                        SYSTEM_ACTOR,
                        { action: 'test.rolledBack', entity: 'test' },
                        ctx.clock.now()
                    );
                    throw new Error('rolled back on purpose');
                })
            ).rejects.toThrow('rolled back on purpose');
            expect(fs.readFileSync(file, 'utf8')).toBe(before);
            await writeTransaction(ctx.dataSource, (manager) =>
                appendAudit(manager, SYSTEM_ACTOR, { action: 'test.kept', entity: 'test' }, ctx.clock.now())
            );
            const kept = await ctx.dataSource
                .getRepository(AuditEvent)
                .findOneByOrFail({ action: 'test.kept' });
            const { key } = auditChainOf(ctx.dataSource);
            expect(parseCheckpoint(key, fs.readFileSync(file, 'utf8').trim().split('\n').at(-1)!)).toEqual({
                id: kept.id,
                hash: kept.hash,
            });
            expect(await verify()).toEqual({
                ok: true,
                checked: events.length + 1,
                anchoredTo: kept.id,
                firstBroken: null,
            });
        });
    });

    it('ignores lines not signed with the key (no false alarm), and a checkpoint forged with another key', async () => {
        await withLog(async (ctx, events, verify) => {
            const file = auditAnchorPath(ctx.config.dataDir);
            const otherKey = Buffer.from('not the key of this audit chain at all');
            fs.appendFileSync(file, 'garbage\n');
            fs.appendFileSync(
                file,
                formatCheckpoint(otherKey, { id: events[11].id + 5, hash: 'f'.repeat(64) })
            );
            expect(await verify()).toEqual({
                ok: true,
                checked: 12,
                anchoredTo: events[11].id,
                firstBroken: null,
            });
        });
    });
});
