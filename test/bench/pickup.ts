/**
 * 64 concurrent mediators call POST /api/queue/next until 5,000 disputes are taken from the
 * 1,000,000-dispute data set: throughput, p95, duplicates (must be 0), errors (must be 0).
 * On SQLite the same run first measures the raw figure — the same claim transaction back to back
 * straight through `sqlite3` — and prints the API/raw ratio. Targets: ratio ≥ 0.6×, p95 < 150 ms.
 * The taken disputes are put back in the queue afterwards.
 */
import http from 'node:http';
import { loadConfig } from '../../server/src/config';
import type { Staff } from '../../server/src/entities';
import {
    benchStaff,
    cpuPerRequest,
    ensureDisputes,
    forEachBenchDatabase,
    ms,
    signIn,
    startServer,
    summary,
    withBenchDataSource,
} from './benchSupport';
import { benchPost } from './benchHttp';
import { rawClaims } from './rawClaim';

const TARGET = Number(process.env.BENCH_DISPUTES ?? 1_000_000);
const MEDIATORS = 64;
const PICKUPS = Number(process.env.BENCH_PICKUPS ?? 5000);
const RAW_CLAIMS = Number(process.env.BENCH_RAW_CLAIMS ?? 3000);
const PASSWORD = 'bench-mediator-password';

/** Puts the disputes the bench took back in the queue, so the next run finds the same data. */
async function putBack(staff: Staff[]): Promise<void> {
    await withBenchDataSource((ds) =>
        ds
            .createQueryBuilder()
            .update('dispute')
            .set({ status: 'escalated', assigneeId: null, assignedAt: null })
            .where('assigneeId IN (:...ids)', { ids: staff.map((s) => s.id) })
            .execute()
    );
}

await forEachBenchDatabase(import.meta.url, async (db) => {
    ensureDisputes(db, TARGET);
    const staff = await benchStaff('mediator', 'bench-mediator', MEDIATORS, PASSWORD);
    let raw: number | null = null;
    if (db.label === 'sqlite') {
        try {
            raw = await withBenchDataSource((ds) =>
                rawClaims(
                    ds,
                    loadConfig().dataDir,
                    staff.map((s) => s.id),
                    RAW_CLAIMS,
                    PICKUPS
                )
            );
        } finally {
            await putBack(staff);
        }
    }
    const server = await startServer(db, { POLICY_MAX_CASES_PER_MEDIATOR: String(PICKUPS) });
    const latencies: number[] = [];
    const taken = new Map<number, number>();
    const errors: string[] = [];
    let started = 0;
    try {
        // One after the other: sign-ins still being checked count against the address's limit.
        const sessions = [];
        for (const s of staff) sessions.push(await signIn(server.url, s.email, PASSWORD));
        // A plain keep-alive client, one connection per mediator: the figure is the server's, not fetch's.
        const agent = new http.Agent({ keepAlive: true, maxSockets: MEDIATORS });
        const cpuBefore = server.cpu();
        const begin = performance.now();
        await Promise.all(
            sessions.map(async (session) => {
                while (started < PICKUPS) {
                    started++;
                    const t0 = performance.now();
                    const res = await benchPost(`${server.url}/api/queue/next`, session, {}, agent);
                    const body = res.body as { id?: number; message?: string };
                    latencies.push(performance.now() - t0);
                    if (res.status !== 200 || !body.id) errors.push(`${res.status} ${body.message}`);
                    else taken.set(body.id, (taken.get(body.id) ?? 0) + 1);
                }
            })
        );
        const seconds = (performance.now() - begin) / 1000;
        const cpuAfter = server.cpu();
        agent.destroy();
        const duplicates = [...taken.values()].filter((n) => n > 1).length;
        const s = summary(latencies);
        console.log(`\n[${db.label}] ${MEDIATORS} mediators × POST /api/queue/next, ${PICKUPS} pick-ups`);
        const rate = taken.size / seconds;
        console.log(`  throughput ${rate.toFixed(0)} pick-ups/s`);
        if (raw !== null) {
            console.log(
                `  raw       ${raw.toFixed(0)} claims/s (same transaction, back to back, via sqlite3)`
            );
            console.log(`  ratio      ${(rate / raw).toFixed(2)}×   (target ≥ 0.6×)`);
        }
        console.log(`  latency    p50 ${ms(s.p50)}  p95 ${ms(s.p95)}   (target p95 < 150 ms)`);
        if (cpuBefore && cpuAfter) {
            console.log(`  server CPU per pick-up: ${cpuPerRequest(cpuBefore, cpuAfter, latencies.length)}`);
        }
        console.log(
            `  duplicates ${duplicates}   errors ${errors.length}${errors.length ? ' — first: ' + errors[0] : ''}`
        );
    } finally {
        await server.stop();
        await putBack(staff);
    }
});
