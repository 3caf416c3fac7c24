/**
 * GET /api/audit-events/verify: walks the chain on the read side, a page at a time, and checks it
 * against the checkpoints anchored outside the database, naming the first broken event.
 */
import type { DataSource } from 'typeorm';
import { fromDbTimestamp, sqlParam } from '../db/dbKind';
import { readsOf } from '../db/readers';
import type { AuditEvent } from '../entities';
import { appendCheckpoint, newestCheckpoint, readCheckpoints, type Checkpoint } from './auditAnchor';
import { auditChainOf, eventHash, GENESIS_HASH, type AuditChain, type HashedFields } from './auditLog';

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
