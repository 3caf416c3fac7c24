import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from '../entities';
import { dbKind } from '../db/dbKind';
import { onSqliteRollback } from '../db/transaction';

export const GENESIS_HASH = '0'.repeat(64);

const LAST_HASH_SQL = 'SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1';

/**
 * On SQLite this process is the only writer and its write transactions run one at a time, so
 * the chain's last hash is kept in memory (forgotten when a transaction rolls back).
 */
const lastSqliteHash = new WeakMap<DataSource, string>();
onSqliteRollback((dataSource) => lastSqliteHash.delete(dataSource));

async function lastHash(manager: EntityManager): Promise<string> {
    const known = dbKind === 'sqlite' ? lastSqliteHash.get(manager.connection) : undefined;
    if (known) return known;
    const [last] = (await manager.query(LAST_HASH_SQL)) as { hash: string }[];
    return last?.hash ?? GENESIS_HASH;
}

/** Who did it, from where: taken from the request (or `system` for timers). */
export interface AuditActor {
    actorId: number | null;
    actorRole: string;
    requestId: string | null;
    ip: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { actorId: null, actorRole: 'system', requestId: null, ip: null };

export interface AuditEntry {
    action: string;
    entity: string;
    entityId?: string | number | null;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    outcome?: 'success' | 'denied' | 'failure';
}

/** Fields that never enter the log, at any depth. */
const SECRET_KEYS = /pass(word)?|token|secret|session|hash|cookie/i;

function redactValue(value: unknown): unknown {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(redactValue);
    if (value && typeof value === 'object') return redact(value as Record<string, unknown>);
    return value;
}

function redact(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
    if (!value) return null;
    const clean: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
        if (!SECRET_KEYS.test(key)) clean[key] = redactValue(v);
    }
    return clean;
}

/** The length of the entityId, requestId and ip columns. */
const MAX_ID_LENGTH = 64;

/** Cuts a request-supplied id (a URL parameter, say) to its column, counting characters. */
function clip(value: string | null): string | null {
    if (value === null) return null;
    const chars = Array.from(value);
    return chars.length > MAX_ID_LENGTH ? chars.slice(0, MAX_ID_LENGTH).join('') : value;
}

function canonical(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** SHA-256(previous hash ‖ canonical JSON of the event). */
export function eventHash(prevHash: string, event: Omit<AuditEvent, 'id' | 'hash' | 'prevHash'>): string {
    const body = canonical({
        occurredAt: new Date(event.occurredAt).toISOString(),
        actorId: event.actorId,
        actorRole: event.actorRole,
        action: event.action,
        entity: event.entity,
        entityId: event.entityId,
        before: event.before,
        after: event.after,
        requestId: event.requestId,
        ip: event.ip,
        outcome: event.outcome,
    });
    return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends one event inside the caller's transaction. On PostgreSQL an advisory lock orders
 * concurrent writers; on SQLite writes are already serialized (writeTransaction).
 */
export async function appendAudit(
    manager: EntityManager,
    actor: AuditActor,
    entry: AuditEntry,
    at: Date
): Promise<AuditEvent> {
    if (dbKind === 'postgres') await manager.query('SELECT pg_advisory_xact_lock(7321001)');
    const repo = manager.getRepository(AuditEvent);
    const prevHash = await lastHash(manager);
    const event = repo.create({
        occurredAt: new Date(Math.floor(at.getTime())),
        actorId: actor.actorId,
        actorRole: actor.actorRole,
        action: entry.action,
        entity: entry.entity,
        entityId:
            entry.entityId === undefined || entry.entityId === null ? null : clip(String(entry.entityId)),
        before: redact(entry.before),
        after: redact(entry.after),
        requestId: clip(actor.requestId),
        ip: clip(actor.ip),
        outcome: entry.outcome ?? 'success',
        prevHash,
    });
    event.hash = eventHash(prevHash, event);
    const { identifiers } = await repo.insert(event as unknown as Parameters<typeof repo.insert>[0]);
    event.id = Number(identifiers[0].id);
    if (dbKind === 'sqlite') lastSqliteHash.set(manager.connection, event.hash);
    return event;
}

export interface ChainReport {
    ok: boolean;
    checked: number;
    firstBrokenId: number | null;
}

/** Walks the whole chain in id order and recomputes every hash. */
export async function verifyChain(dataSource: DataSource, batchSize = 2000): Promise<ChainReport> {
    const repo = dataSource.getRepository(AuditEvent);
    let prevHash = GENESIS_HASH;
    let lastId = 0;
    let checked = 0;
    for (;;) {
        const batch = await repo
            .createQueryBuilder('audit')
            .where('audit.id > :lastId', { lastId })
            .orderBy('audit.id', 'ASC')
            .limit(batchSize)
            .getMany();
        if (batch.length === 0) return { ok: true, checked, firstBrokenId: null };
        for (const event of batch) {
            checked++;
            if (event.prevHash !== prevHash || eventHash(prevHash, event) !== event.hash) {
                return { ok: false, checked, firstBrokenId: event.id };
            }
            prevHash = event.hash;
            lastId = event.id;
        }
    }
}
