/**
 * 64 concurrent mediators call POST /api/queue/next until 5,000 disputes are taken from the
 * 1,000,000-dispute data set: throughput, p95, duplicates (must be 0), errors (must be 0).
 * Target ≥ 300 pick-ups/s on SQLite. The taken disputes are put back in the queue afterwards.
 */
import { hashPassword } from '../../server/src/auth/password';
import { loadConfig } from '../../server/src/config';
import { openDataSource } from '../../server/src/db/dataSource';
import { Staff } from '../../server/src/entities';
import { forEachBenchDatabase, ensureDisputes, ms, signIn, startServer, summary } from './benchSupport';

const TARGET = Number(process.env.BENCH_DISPUTES ?? 1_000_000);
const MEDIATORS = 64;
const PICKUPS = Number(process.env.BENCH_PICKUPS ?? 5000);
const PASSWORD = 'bench-mediator-password';

async function withDataSource<T>(fn: (ds: Awaited<ReturnType<typeof openDataSource>>) => Promise<T>) {
    const config = loadConfig();
    const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
        return await fn(dataSource);
    } finally {
        await dataSource.destroy();
    }
}

async function benchMediators(): Promise<Staff[]> {
    return withDataSource(async (ds) => {
        const repo = ds.getRepository(Staff);
        const passwordHash = await hashPassword(PASSWORD);
        const staff: Staff[] = [];
        for (let i = 0; i < MEDIATORS; i++) {
            const email = `bench-mediator-${i}@example.com`;
            staff.push(
                (await repo.findOneBy({ email })) ??
                    (await repo.save(
                        repo.create({
                            email,
                            fullName: `Bench Mediator ${i}`,
                            role: 'mediator',
                            passwordHash,
                        })
                    ))
            );
        }
        return staff;
    });
}

/** Puts the disputes the bench took back in the queue, so the next run finds the same data. */
async function putBack(staff: Staff[]): Promise<void> {
    await withDataSource((ds) =>
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
    const staff = await benchMediators();
    const server = await startServer(db, { POLICY_MAX_CASES_PER_MEDIATOR: String(PICKUPS) });
    const latencies: number[] = [];
    const taken = new Map<number, number>();
    const errors: string[] = [];
    let started = 0;
    try {
        const sessions = await Promise.all(staff.map((s) => signIn(server.url, s.email, PASSWORD)));
        const begin = performance.now();
        await Promise.all(
            sessions.map(async (session) => {
                while (started < PICKUPS) {
                    started++;
                    const t0 = performance.now();
                    const res = await fetch(`${server.url}/api/queue/next`, {
                        method: 'POST',
                        headers: {
                            cookie: session.cookie,
                            'x-csrf-token': session.csrfToken,
                            'content-type': 'application/json',
                        },
                        body: '{}',
                    });
                    const body = (await res.json()) as { id?: number; message?: string };
                    latencies.push(performance.now() - t0);
                    if (res.status !== 200 || !body.id) errors.push(`${res.status} ${body.message}`);
                    else taken.set(body.id, (taken.get(body.id) ?? 0) + 1);
                }
            })
        );
        const seconds = (performance.now() - begin) / 1000;
        const duplicates = [...taken.values()].filter((n) => n > 1).length;
        const s = summary(latencies);
        console.log(`\n[${db.label}] ${MEDIATORS} mediators × POST /api/queue/next, ${PICKUPS} pick-ups`);
        console.log(
            `  throughput ${(taken.size / seconds).toFixed(0)} pick-ups/s   (target ≥ 300 on SQLite)`
        );
        console.log(`  latency    p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`);
        console.log(
            `  duplicates ${duplicates}   errors ${errors.length}${errors.length ? ' — first: ' + errors[0] : ''}`
        );
    } finally {
        await server.stop();
        await putBack(staff);
    }
});
