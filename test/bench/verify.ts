/**
 * GET /api/audit-events/verify's walk (verifyChain) over 1,000,000 audit events: seconds and peak
 * RSS growth (targets: < 30 s, < 100 MB). The events are bulk-inserted once, with a valid keyed
 * chain and a signed checkpoint per event (the worst case of the anchor file: one transaction per
 * event), into their own SQLite file (DATA_DIR + "-audit") or BENCH_DATABASE_URL.
 * BENCH_AUDIT_EVENTS sets the count.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatCheckpoint } from '../../server/src/audit/auditAnchor';
import { auditChainOf, eventHash, GENESIS_HASH } from '../../server/src/audit/auditLog';
import { verifyChain } from '../../server/src/audit/auditVerify';
import { dbKind, toDbTimestamp } from '../../server/src/db/dbKind';
import { closeReads, openReads } from '../../server/src/db/readers';
import type { AuditEvent } from '../../server/src/entities';
import { forEachBenchDatabase, withBenchDataSource, type BenchDb } from './benchSupport';

const TARGET = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const ROWS_PER_INSERT = 500;
const MB = 1024 * 1024;

const COLUMNS =
    '"occurredAt", "actorId", "actorRole", action, entity, "entityId", "before", "after", "requestId", ip, outcome, "prevHash", hash';
const COLUMN_COUNT = 13;

/** An event like the ones the app writes: a pickup, a message, a ruling, a denied request. */
function sampleEvent(n: number, at: Date): Omit<AuditEvent, 'id' | 'hash' | 'prevHash'> {
    const disputeId = 1 + (n % 100_000);
    const kinds = [
        {
            action: 'dispute.pickup',
            before: { status: 'escalated', assigneeId: null },
            after: { status: 'in_review', assigneeId: 7 },
        },
        {
            action: 'message.create',
            before: null,
            after: { disputeId, to: 'buyer', length: 120 + (n % 400) },
        },
        {
            action: 'decision.create',
            before: { status: 'in_review' },
            after: { outcome: 'partial_refund', amountMinor: 2599 + n, currency: 'EUR' },
        },
        {
            action: 'access.denied',
            before: null,
            after: { action: 'list', method: 'GET', path: '/api/staff', reason: 'not allowed' },
        },
    ];
    const kind = kinds[n % kinds.length];
    return {
        occurredAt: at,
        actorId: 1 + (n % 40),
        actorRole: n % 4 === 3 ? 'support' : 'mediator',
        action: kind.action,
        entity: 'dispute',
        entityId: String(disputeId),
        before: kind.before,
        after: kind.after,
        requestId: `bench-${n.toString(36).padStart(12, '0')}`,
        ip: '203.0.113.7',
        outcome: kind.action === 'access.denied' ? 'denied' : 'success',
    };
}

/** Appends events until the log holds TARGET, continuing the chain from its current head. */
async function seedAuditEvents(): Promise<void> {
    await withBenchDataSource(async (ds) => {
        const [{ n }] = (await ds.query('SELECT COUNT(*) AS "n" FROM audit_event')) as { n: unknown }[];
        const have = Number(n);
        if (have >= TARGET) {
            console.log(`[${dbKind}] ${have.toLocaleString('en-US')} audit events already seeded`);
            return;
        }
        console.log(`[${dbKind}] seeding ${(TARGET - have).toLocaleString('en-US')} audit events (once) …`);
        const started = performance.now();
        const { key, anchorFile } = auditChainOf(ds);
        const [head] = (await ds.query('SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1')) as {
            id: number | string;
            hash: string;
        }[];
        let prevHash = head?.hash ?? GENESIS_HASH;
        let nextId = head ? Number(head.id) + 1 : 1;
        const start = Date.UTC(2026, 0, 1);
        const runner = ds.createQueryRunner();
        await runner.connect();
        try {
            for (let done = have; done < TARGET;) {
                const rows = Math.min(ROWS_PER_INSERT, TARGET - done);
                const params: unknown[] = [];
                const tuples: string[] = [];
                let anchors = '';
                for (let i = 0; i < rows; i++) {
                    const n = done + i;
                    const event = sampleEvent(n, new Date(start + n * 1000));
                    const hash = eventHash(prevHash, event, key);
                    const base = params.length;
                    params.push(
                        toDbTimestamp(event.occurredAt),
                        event.actorId,
                        event.actorRole,
                        event.action,
                        event.entity,
                        event.entityId,
                        event.before === null ? null : JSON.stringify(event.before),
                        event.after === null ? null : JSON.stringify(event.after),
                        event.requestId,
                        event.ip,
                        event.outcome,
                        prevHash,
                        hash
                    );
                    const marks = Array.from({ length: COLUMN_COUNT }, (_, c) =>
                        dbKind === 'postgres' ? `$${base + c + 1}` : '?'
                    );
                    tuples.push(`(${marks.join(', ')})`);
                    anchors += formatCheckpoint(key, { id: nextId + i, hash });
                    prevHash = hash;
                }
                await runner.startTransaction();
                await runner.query(
                    `INSERT INTO audit_event (${COLUMNS}) VALUES ${tuples.join(', ')}`,
                    params
                );
                await runner.commitTransaction();
                fs.appendFileSync(anchorFile, anchors, { mode: 0o600 });
                nextId += rows;
                done += rows;
                if (done % 100_000 === 0) console.log(`  … ${done.toLocaleString('en-US')}`);
            }
        } finally {
            await runner.release();
        }
        const [last] = (await ds.query('SELECT id FROM audit_event ORDER BY id DESC LIMIT 1')) as {
            id: unknown;
        }[];
        if (Number(last.id) !== nextId - 1)
            throw new Error('ids were not assigned in sequence: checkpoints would not match');
        console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });
}

/** Resident memory from /proc (Linux): all of it, and the anonymous part (without mapped files). */
function residentMemory(): { total: number; anon: number } {
    const total = process.memoryUsage().rss;
    try {
        const status = fs.readFileSync('/proc/self/status', 'utf8');
        const anon = /RssAnon:\s+(\d+) kB/.exec(status);
        return { total, anon: anon ? Number(anon[1]) * 1024 : total };
    } catch {
        return { total, anon: total };
    }
}

/**
 * In a fresh process: times verifyChain and samples memory while it runs. SQLite's own caches
 * count in RSS too (dataSource.ts: a 64 MB page cache, and a 256 MB memory map of the file, whose
 * pages are file-backed): the anonymous part and the JS heap are printed apart.
 */
async function measureVerify(): Promise<void> {
    await withBenchDataSource(async (ds) => {
        auditChainOf(ds);
        (globalThis as { gc?: () => void }).gc?.();
        const baseline = residentMemory();
        const baseHeap = process.memoryUsage().heapUsed;
        const peak = { ...baseline, heap: baseHeap };
        const sample = () => {
            const now = residentMemory();
            peak.total = Math.max(peak.total, now.total);
            peak.anon = Math.max(peak.anon, now.anon);
            peak.heap = Math.max(peak.heap, process.memoryUsage().heapUsed);
        };
        const sampler = setInterval(sample, 20);
        const started = performance.now();
        const reads = await openReads(ds);
        const report = await verifyChain(ds).finally(() => closeReads(ds, reads));
        const seconds = (performance.now() - started) / 1000;
        clearInterval(sampler);
        sample();
        const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
        console.log(
            `[${dbKind}] verify: ${report.checked.toLocaleString('en-US')} events, ` +
                `anchored to #${report.anchoredTo}, ok=${report.ok}` +
                `${report.firstBroken ? ` (first broken #${report.firstBroken.id}: ${report.firstBroken.reason})` : ''} ` +
                `in ${seconds.toFixed(1)} s (target < 30 s); peak growth: RSS ${mb(peak.total - baseline.total)} ` +
                `(target < 100 MB), anonymous RSS ${mb(peak.anon - baseline.anon)}, JS heap ${mb(peak.heap - baseHeap)}`
        );
    });
}

/** Runs one step of this benchmark in its own process (the measurement starts from a fresh heap). */
function step(name: 'seed' | 'measure', env: Record<string, string>): void {
    const child = spawnSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)],
        { env: { ...process.env, ...env, BENCH_VERIFY_STEP: name }, stdio: 'inherit' }
    );
    if (child.status !== 0) throw new Error(`the ${name} step of the verify benchmark failed`);
}

if (process.env.BENCH_VERIFY_STEP === 'seed') {
    await seedAuditEvents();
} else if (process.env.BENCH_VERIFY_STEP === 'measure') {
    await measureVerify();
} else {
    await forEachBenchDatabase(import.meta.url, async (db: BenchDb) => {
        // SQLite: a file of its own, apart from the 1,000,000 disputes of the other benchmarks.
        // PostgreSQL: the bench database, whose chain other benchmarks extend with the key in DATA_DIR.
        const env = db.label === 'sqlite' ? { ...db.env, DATA_DIR: `${db.env.DATA_DIR}-audit` } : db.env;
        step('seed', env);
        step('measure', env);
    });
}

export {};
