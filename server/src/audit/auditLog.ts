import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { AuditEvent } from '../entities';
import { fromDbTimestamp, sqlParam } from '../db/dbKind';
import { lockKeys } from '../db/keyLock';
import { writesSerialized } from '../db/locks';
import { readsOf } from '../db/readers';
import { onSqliteRollback } from '../db/transaction';
import {
    appendCheckpoint,
    auditAnchorPath,
    newestCheckpoint,
    readCheckpoints,
    type Checkpoint,
} from './auditAnchor';
import { auditKey } from './auditKey';

export const GENESIS_HASH = '0'.repeat(64);

const LAST_HASH_SQL = 'SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1';

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
            appendCheckpoint(chain.anchorFile, chain.key, checkpoint);
        },
        afterTransactionRollback({ queryRunner }) {
            // Even a savepoint's rollback may take the pending head with it: anchor nothing.
            pendingCheckpoints.delete(queryRunner);
        },
    };
    dataSource.subscribers.push(subscriber);
}

/**
 * On SQLite this process is the only writer and its write transactions run one at a time, so
 * the chain's last hash is kept in memory (forgotten when a transaction rolls back).
 */
const lastSqliteHash = new WeakMap<DataSource, string>();
onSqliteRollback((dataSource) => lastSqliteHash.delete(dataSource));

async function lastHash(manager: EntityManager): Promise<string> {
    const known = writesSerialized ? lastSqliteHash.get(manager.connection) : undefined;
    if (known) return known;
    const [last] = (await manager.query(LAST_HASH_SQL)) as { hash: string }[];
    return last?.hash ?? GENESIS_HASH;
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

function canonical(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** What the database gives back for a JSON column: the value after a JSON round trip. */
function asStored(value: Record<string, unknown> | null): Record<string, unknown> | null {
    return value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
}

type HashedFields = Omit<AuditEvent, 'id' | 'hash' | 'prevHash'>;

const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * The canonical JSON of an event's content: every field but id and hashes, keys sorted, time in
 * ISO 8601 (written out in key order: the same text as canonical() of the object, but built
 * without one, since verify computes it for every event).
 */
export function eventBody(event: HashedFields): string {
    return (
        `{"action":${json(event.action)},"actorId":${json(event.actorId)},"actorRole":${json(event.actorRole)},` +
        `"after":${canonical(event.after)},"before":${canonical(event.before)},"entity":${json(event.entity)},` +
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
        before: asStored(redact(entry.before)),
        after: asStored(redact(entry.after)),
        requestId: clip(actor.requestId),
        ip: clip(actor.ip),
        outcome: entry.outcome ?? 'success',
        prevHash,
    });
    event.hash = eventHash(prevHash, event, chain.key);
    const { identifiers } = await repo.insert(event as unknown as Parameters<typeof repo.insert>[0]);
    event.id = Number(identifiers[0].id);
    if (writesSerialized) lastSqliteHash.set(manager.connection, event.hash);
    const queryRunner = manager.queryRunner;
    if (queryRunner?.isTransactionActive) {
        pendingCheckpoints.set(queryRunner, { id: event.id, hash: event.hash });
    } else {
        appendCheckpoint(chain.anchorFile, chain.key, { id: event.id, hash: event.hash });
    }
    return event;
}

/** The first event verify found broken, and why. */
export interface BrokenEvent {
    id: number;
    reason: string;
}

export interface ChainReport {
    ok: boolean;
    /** Events read and checked (up to and including the broken one). */
    checked: number;
    /** The id of the newest signed checkpoint outside the database (null: none yet). */
    anchoredTo: number | null;
    firstBroken: BrokenEvent | null;
}

export const BROKEN = {
    link: 'it does not link to the event before it: an earlier event was removed or its hash rewritten',
    hash: 'its content does not match its keyed hash: it was changed after it was written',
    anchor: 'it differs from the checkpoint anchored outside the database: the log was rewritten from here on',
    missing: 'it was anchored outside the database, but its row was deleted',
    truncated: 'the newest events, from this one on, were anchored outside the database but are missing',
} as const;

interface AuditRow {
    id: number | string;
    occurredAt: unknown;
    actorId: number | null;
    actorRole: string;
    action: string;
    entity: string;
    entityId: string | null;
    before: string | null;
    after: string | null;
    requestId: string | null;
    ip: string | null;
    outcome: string;
    prevHash: string;
    hash: string;
}

const COLUMNS =
    'id, "occurredAt", "actorId", "actorRole", action, entity, "entityId", "before", "after", ' +
    '"requestId", ip, outcome, "prevHash", hash';
const PAGE_SQL = `SELECT ${COLUMNS} FROM audit_event WHERE id > ${sqlParam(1)} ORDER BY id LIMIT ${sqlParam(2)}`;

function hashedFields(row: AuditRow): HashedFields {
    return {
        occurredAt: new Date(fromDbTimestamp(row.occurredAt)!),
        actorId: row.actorId === null ? null : Number(row.actorId),
        actorRole: row.actorRole,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before === null ? null : (JSON.parse(row.before) as Record<string, unknown>),
        after: row.after === null ? null : (JSON.parse(row.after) as Record<string, unknown>),
        requestId: row.requestId,
        ip: row.ip,
        outcome: row.outcome as AuditEvent['outcome'],
    };
}

/** The recomputed hash of a stored row, or null when its JSON columns are no longer JSON. */
function rowHash(row: AuditRow, key: Buffer): string | null {
    try {
        return eventHash(row.prevHash, hashedFields(row), key);
    } catch {
        return null;
    }
}

/**
 * Compares every signed checkpoint with the row it names, a batch at a time (constant memory
 * however long the anchor file): the earliest event that is missing or differs.
 */
async function checkAnchors(
    dataSource: DataSource,
    chain: AuditChain,
    batchSize: number
): Promise<{ newest: number | null; problem: { id: number; kind: 'anchor' | 'missing' } | null }> {
    let newest: number | null = null;
    let problem: { id: number; kind: 'anchor' | 'missing' } | null = null;
    let batch = new Map<number, string>();
    const flush = async () => {
        if (batch.size === 0) return;
        const rows = (await dataSource.query(
            `SELECT id, hash FROM audit_event WHERE id IN (${[...batch.keys()].join(',')})`
        )) as { id: number | string; hash: string }[];
        const stored = new Map(rows.map((row) => [Number(row.id), row.hash]));
        for (const [id, hash] of batch) {
            if (problem && problem.id <= id) continue;
            const found = stored.get(id);
            if (found === undefined) problem = { id, kind: 'missing' };
            else if (found !== hash) problem = { id, kind: 'anchor' };
        }
        batch = new Map();
    };
    for await (const checkpoint of readCheckpoints(chain.anchorFile, chain.key)) {
        newest = Math.max(newest ?? 0, checkpoint.id);
        if (batch.has(checkpoint.id) && batch.get(checkpoint.id) !== checkpoint.hash) {
            // Two signed hashes for one id: whichever the row holds, it differs from one of them.
            problem = problem && problem.id < checkpoint.id ? problem : { id: checkpoint.id, kind: 'anchor' };
        }
        batch.set(checkpoint.id, checkpoint.hash);
        if (batch.size >= batchSize) await flush();
    }
    await flush();
    return { newest, problem };
}

/** An anchored checkpoint the walk must meet, or an anchor problem it must report. */
type Expectation =
    { kind: 'checkpoint'; checkpoint: Checkpoint | null } | { kind: 'problem'; problem: BrokenEvent | null };

/**
 * Walks the whole chain in id order, a page at a time (constant memory), recomputing every keyed
 * hash and link. The quick walk (the usual case) compares the rows with the newest checkpoint
 * only: if that row still holds the anchored hash and every link up to it holds, every earlier
 * checkpoint holds too. Anything amiss, and the whole anchor file is compared (checkAnchors) so
 * that the first broken event is named: a rewritten row, a re-hashed tail, a deleted row or a
 * truncated tail. When the chain is intact its head is anchored too.
 */
export async function verifyChain(dataSource: DataSource, pageSize = 1000): Promise<ChainReport> {
    const chain = auditChainOf(dataSource);
    // A long walk: on the read side, so that it never holds the writer (db/readers.ts).
    const reads = readsOf(dataSource);
    // The checkpoints first, the rows after them: a checkpoint is written only once its row has
    // committed, so every row a checkpoint names was there when the log is read.
    const newest = await newestCheckpoint(chain.anchorFile, chain.key);
    if (newest !== 'unknown') {
        const quick = await walkChain(reads, chain, pageSize, {
            kind: 'checkpoint',
            checkpoint: newest,
        });
        if (quick.ok) {
            if (quick.head) appendCheckpoint(chain.anchorFile, chain.key, quick.head);
            return { ok: true, checked: quick.checked, anchoredTo: newest?.id ?? null, firstBroken: null };
        }
    }
    const anchors = await checkAnchors(reads, chain, pageSize);
    let problem: BrokenEvent | null = null;
    if (anchors.problem) {
        let kind: keyof typeof BROKEN = anchors.problem.kind;
        if (kind === 'missing') {
            const [head] = (await reads.query('SELECT id FROM audit_event ORDER BY id DESC LIMIT 1')) as {
                id: number | string;
            }[];
            if (!head || Number(head.id) < anchors.problem.id) kind = 'truncated';
        }
        problem = { id: anchors.problem.id, reason: BROKEN[kind] };
    }
    const full = await walkChain(reads, chain, pageSize, { kind: 'problem', problem });
    if (full.ok && full.head) appendCheckpoint(chain.anchorFile, chain.key, full.head);
    return { ok: full.ok, checked: full.checked, anchoredTo: anchors.newest, firstBroken: full.firstBroken };
}

interface WalkResult {
    ok: boolean;
    checked: number;
    firstBroken: BrokenEvent | null;
    head: Checkpoint | null;
}

async function walkChain(
    dataSource: DataSource,
    chain: AuditChain,
    pageSize: number,
    expect: Expectation
): Promise<WalkResult> {
    const problem = expect.kind === 'problem' ? expect.problem : null;
    const checkpoint = expect.kind === 'checkpoint' ? expect.checkpoint : null;
    let metCheckpoint = checkpoint === null;
    let prevHash = GENESIS_HASH;
    let lastId = 0;
    let checked = 0;
    const broken = (firstBroken: BrokenEvent): WalkResult => ({
        ok: false,
        checked,
        firstBroken,
        head: null,
    });
    for (;;) {
        const page = (await dataSource.query(PAGE_SQL, [lastId, pageSize])) as AuditRow[];
        if (page.length === 0) break;
        for (const row of page) {
            const id = Number(row.id);
            if (problem && id > problem.id) return broken(problem);
            if (checkpoint && !metCheckpoint && id > checkpoint.id) {
                return broken({ id: checkpoint.id, reason: BROKEN.missing });
            }
            checked++;
            if (row.prevHash !== prevHash) return broken({ id, reason: BROKEN.link });
            if (rowHash(row, chain.key) !== row.hash) return broken({ id, reason: BROKEN.hash });
            if (problem && id === problem.id) return broken(problem);
            if (checkpoint && id === checkpoint.id) {
                if (row.hash !== checkpoint.hash) return broken({ id, reason: BROKEN.anchor });
                metCheckpoint = true;
            }
            prevHash = row.hash;
            lastId = id;
        }
    }
    if (problem) return broken(problem);
    if (!metCheckpoint) return broken({ id: checkpoint!.id, reason: BROKEN.truncated });
    return { ok: true, checked, firstBroken: null, head: lastId > 0 ? { id: lastId, hash: prevHash } : null };
}
