/**
 * The pick-up's floor on SQLite: the same claim transaction the server runs for
 * `POST /api/queue/next` — claim the most urgent queued dispute (caseload guard included), one
 * timeline row, one hash-chained audit row — run back to back straight through `sqlite3`, with
 * no HTTP, no session, no ORM.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import type { DataSource } from 'typeorm';
import { HELD_STATUSES, nextStatus } from '../../shared/lifecycle';
import { auditChainOf, eventHash, GENESIS_HASH } from '../../server/src/audit/auditLog';
import { toDbTimestamp } from '../../server/src/db/dbKind';
import { disputesResource } from '../../server/src/disputes/disputesResource';
import { queueFilter } from '../../server/src/queue/queueQuery';
import { filteredQuery } from '../../server/src/rest/resourceQuery';

/** The claim statement's SQL, built from the queue's own query (the server's engine is SQLite). */
function claimSql(dataSource: DataSource): { sql: string; urgentParams: unknown[] } {
    const [urgentSql, urgentParams] = filteredQuery(dataSource, disputesResource, queueFilter({}))
        .select('dispute.id')
        .orderBy('dispute.slaDueAt', 'ASC')
        .addOrderBy('dispute.id', 'ASC')
        .limit(1)
        .getQueryAndParameters();
    const held = HELD_STATUSES.map(() => '?').join(', ');
    const sql =
        `UPDATE "dispute" SET "status" = ?, "assigneeId" = ?, "assignedAt" = ?, ` +
        `"version" = "version" + 1, "updatedAt" = ? WHERE "id" = (${urgentSql}) AND (SELECT COUNT(*) ` +
        `FROM "dispute" "held" WHERE "held"."assigneeId" = ? AND "held"."status" IN (${held})) < ? ` +
        `RETURNING "id", "version"`;
    return { sql, urgentParams };
}

function open(file: string): Promise<sqlite3.Database> {
    return new Promise((resolve, reject) => {
        const db = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(db)));
    });
}

function all<T>(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
        db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[])))
    );
}

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
    return new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
}

const EVENT_SQL =
    'INSERT INTO "dispute_event" ("disputeId", "action", "fromStatus", "toStatus", "actorKind", ' +
    '"actorStaffId", "note", "occurredAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const AUDIT_SQL =
    'INSERT INTO "audit_event" ("occurredAt", "actorId", "actorRole", "action", "entity", "entityId", ' +
    '"before", "after", "requestId", "ip", "outcome", "prevHash", "hash") ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/**
 * Claims `count` disputes one transaction after the other for these mediators (round robin) and
 * returns the claims per second. The audit rows continue the chain, so it still verifies.
 */
export async function rawClaims(
    dataSource: DataSource,
    dataDir: string,
    staffIds: number[],
    count: number,
    limit: number
): Promise<number> {
    const { sql, urgentParams } = claimSql(dataSource);
    const to = nextStatus('pickup', { status: 'escalated', assigneeId: null })!;
    const { key } = auditChainOf(dataSource);
    const db = await open(path.join(dataDir, 'dispute-desk.sqlite'));
    try {
        for (const pragma of ['busy_timeout = 5000', 'synchronous = NORMAL', 'cache_size = -65536'])
            await run(db, `PRAGMA ${pragma}`);
        const [last] = await all<{ hash: string }>(
            db,
            'SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1'
        );
        let prevHash = last?.hash ?? GENESIS_HASH;
        const begin = performance.now();
        let claimed = 0;
        for (let i = 0; i < count; i++) {
            const staffId = staffIds[i % staffIds.length];
            const now = new Date();
            const at = toDbTimestamp(now);
            await run(db, 'BEGIN IMMEDIATE');
            const [row] = await all<{ id: number; version: number }>(db, sql, [
                to,
                staffId,
                at,
                at,
                ...urgentParams,
                staffId,
                ...HELD_STATUSES,
                limit,
            ]);
            if (!row) {
                await run(db, 'ROLLBACK');
                break;
            }
            await run(db, EVENT_SQL, [row.id, 'pickup', 'escalated', to, 'staff', staffId, null, at]);
            const event = {
                occurredAt: now,
                actorId: staffId,
                actorRole: 'mediator',
                action: 'dispute.pickup',
                entity: 'dispute',
                entityId: String(row.id),
                before: { status: 'escalated', assigneeId: null, version: row.version - 1 },
                after: { status: to, assigneeId: staffId, version: row.version },
                requestId: randomUUID(),
                ip: '127.0.0.1',
                outcome: 'success',
            };
            const hash = eventHash(prevHash, event, key);
            await run(db, AUDIT_SQL, [
                at,
                event.actorId,
                event.actorRole,
                event.action,
                event.entity,
                event.entityId,
                JSON.stringify(event.before),
                JSON.stringify(event.after),
                event.requestId,
                event.ip,
                event.outcome,
                prevHash,
                hash,
            ]);
            await run(db, 'COMMIT');
            prevHash = hash;
            claimed++;
        }
        return claimed / ((performance.now() - begin) / 1000);
    } finally {
        await new Promise<void>((resolve) => db.close(() => resolve()));
    }
}
