import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { AuditEvent } from '../entities';
import { lockKeys } from '../db/keyLock';
import { insertOne } from '../db/sqlInsert';
import { insertBatched } from '../db/statementBatch';
import { writesSerialized } from '../db/locks';
import { onSqliteRollback } from '../db/transaction';
import { appendCheckpoint, appendCheckpointSoon, auditAnchorPath, type Checkpoint } from './auditAnchor';
import { canonicalJson } from '../lib/canonicalJson';
import { auditKey } from './auditKey';

export const GENESIS_HASH = '0'.repeat(64);

const LAST_EVENT_SQL = 'SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1';

/** The key that signs one database's chain and the file that anchors its head. */
export interface AuditChain {
    key: Buffer;
    anchorFile: string;
}

const chains = new WeakMap<DataSource, AuditChain>();

/**
 * Binds a data source to the chain settings of its DATA_DIR (the app does so when it is built).
 * The key is loaded, or generated, here: at start-up.
 */
export function configureAuditChain(dataSource: DataSource, dataDir: string): AuditChain {
    const chain = { key: auditKey(dataDir), anchorFile: auditAnchorPath(dataDir) };
    chains.set(dataSource, chain);
    installAnchorSubscriber(dataSource);
    return chain;
}

/**
 * The chain settings of a data source; one that was never configured (a seed script) uses the
 * DATA_DIR its configuration would: the SQLite file's folder, or DATA_DIR (default ./data).
 */
export function auditChainOf(dataSource: DataSource): AuditChain {
    const known = chains.get(dataSource);
    if (known) return known;
    const dataDir =
        dataSource.options.type === 'sqlite'
            ? path.dirname(String(dataSource.options.database))
            : process.env.DATA_DIR || './data';
    return configureAuditChain(dataSource, dataDir);
}

/**
 * The head each open transaction appended, anchored once the transaction has committed (never
 * before: a checkpoint of a head that then rolls back would look like a truncated log).
 */
const pendingCheckpoints = new WeakMap<QueryRunner, Checkpoint>();
const withSubscriber = new WeakSet<DataSource>();

function installAnchorSubscriber(dataSource: DataSource): void {
    if (withSubscriber.has(dataSource)) return;
    withSubscriber.add(dataSource);
    const subscriber: EntitySubscriberInterface = {
        afterTransactionCommit({ queryRunner }) {
            // A released savepoint is not a commit: wait for the outermost transaction.
            if (queryRunner.isTransactionActive) return;
            const checkpoint = pendingCheckpoints.get(queryRunner);
            if (!checkpoint) return;
            pendingCheckpoints.delete(queryRunner);
            const chain = auditChainOf(queryRunner.connection);
            appendCheckpointSoon(chain.anchorFile, chain.key, checkpoint);
        },
        afterTransactionRollback({ queryRunner }) {
            // Even a savepoint's rollback may take the pending head with it: anchor nothing.
            pendingCheckpoints.delete(queryRunner);
        },
    };
    dataSource.subscribers.push(subscriber);
}

/** The chain's last event: what the next one hashes on, and (on SQLite) the id after which it goes. */
interface ChainHead {
    id: number;
    hash: string;
}

/**
 * On SQLite this process is the only writer and its write transactions run one at a time, so
 * the chain's head is kept in memory (forgotten when a transaction rolls back).
 */
const sqliteHeads = new WeakMap<DataSource, ChainHead>();
onSqliteRollback((dataSource) => sqliteHeads.delete(dataSource));

async function chainHead(manager: EntityManager): Promise<ChainHead> {
    const known = writesSerialized ? sqliteHeads.get(manager.connection) : undefined;
    if (known) return known;
    const [last] = (await manager.query(LAST_EVENT_SQL)) as { id: number | string; hash: string }[];
    return last ? { id: Number(last.id), hash: last.hash } : { id: 0, hash: GENESIS_HASH };
}

/** Orders the writers of the chain on PostgreSQL, until the transaction ends (re-entrant). */
export async function lockAuditChain(manager: EntityManager): Promise<void> {
    await lockKeys(manager, ['audit_event chain']);
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

/** What the database gives back for a JSON column: the value after a JSON round trip. */
function asStored(value: Record<string, unknown> | null): Record<string, unknown> | null {
    return value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}

export type HashedFields = Omit<AuditEvent, 'id' | 'hash' | 'prevHash'>;

const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * The canonical JSON of an event's content: every field but id and hashes, keys sorted, time in
 * ISO 8601 (written out in key order: the same text as canonicalJson() of the object, but built
 * without one, since verify computes it for every event).
 */
export function eventBody(event: HashedFields): string {
    return (
        `{"action":${json(event.action)},"actorId":${json(event.actorId)},"actorRole":${json(event.actorRole)},` +
        `"after":${canonicalJson(event.after)},"before":${canonicalJson(event.before)},"entity":${json(event.entity)},` +
        `"entityId":${json(event.entityId)},"ip":${json(event.ip)},` +
        `"occurredAt":${json(new Date(event.occurredAt).toISOString())},"outcome":${json(event.outcome)},` +
        `"requestId":${json(event.requestId)}}`
    );
}

/** HMAC-SHA256 under the chain key of (previous hash ‖ canonical JSON of the event). */
export function eventHash(prevHash: string, event: HashedFields, key: Buffer): string {
    return createHmac('sha256', key).update(prevHash).update(eventBody(event)).digest('hex');
}

/**
 * Appends one event inside the caller's transaction. On PostgreSQL an advisory lock orders
 * concurrent writers; on SQLite writes are already serialized (writeTransaction). Once the
 * transaction commits, the new head is anchored (auditAnchor.ts).
 */
export async function appendAudit(
    manager: EntityManager,
    actor: AuditActor,
    entry: AuditEntry,
    at: Date
): Promise<AuditEvent> {
    const chain = auditChainOf(manager.connection);
    await lockAuditChain(manager);
    const head = await chainHead(manager);
    const prevHash = head.hash;
    const fields: HashedFields = {
        occurredAt: new Date(Math.floor(at.getTime())),
        actorId: actor.actorId,
        actorRole: actor.actorRole,
        action: entry.action,
        entity: entry.entity,
        entityId:
            entry.entityId === undefined || entry.entityId === null ? null : clip(String(entry.entityId)),
        before: asStored(redact(entry.before)),
        after: asStored(redact(entry.after)),
        requestId: clip(actor.requestId),
        ip: clip(actor.ip),
        outcome: entry.outcome ?? 'success',
    };
    const row = { ...fields, prevHash, hash: eventHash(prevHash, fields, chain.key) };
    let id: number;
    if (writesSerialized) {
        // The only writer knows the next id, so the row needs no answer and can travel with the
        // transaction's next statement (db/statementBatch.ts).
        id = head.id + 1;
        await insertBatched(manager, 'audit_event', { id, ...row });
        sqliteHeads.set(manager.connection, { id, hash: row.hash });
    } else {
        id = await insertOne(manager, 'audit_event', row);
    }
    const event: AuditEvent = Object.assign(new AuditEvent(), row, { id });
    const queryRunner = manager.queryRunner;
    if (queryRunner?.isTransactionActive) {
        pendingCheckpoints.set(queryRunner, { id: event.id, hash: event.hash });
    } else {
        appendCheckpoint(chain.anchorFile, chain.key, { id: event.id, hash: event.hash });
    }
    return event;
}
