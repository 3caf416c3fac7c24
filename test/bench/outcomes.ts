/**
 * Issuing rulings on the 1,000,000-dispute data set: 16 mediators each take a case from the queue
 * (POST /api/queue/next) and rule on it (POST /api/disputes/:id/decision: a refund, below and at
 * the four-eyes threshold, some of no refund), p50/p95 of the ruling. Target: p95 ≤ 50 ms.
 * Then the outbox drain (test/bench/outboxDrain.ts): events/s, lag p95, duplicates.
 * The rulings stay in the data set (as decided disputes); the queue has plenty more.
 */
import { randomUUID } from 'node:crypto';
import {
    benchStaff,
    ensureDisputes,
    forEachBenchDatabase,
    ms,
    signIn,
    staffPost,
    startServer,
    summary,
    type Session,
} from './benchSupport';
import { benchOutboxDrain, printOutboxDrain } from './outboxDrain';

const TARGET = Number(process.env.BENCH_DISPUTES ?? 1_000_000);
const MEDIATORS = 16;
const RULINGS = Number(process.env.BENCH_RULINGS ?? 800);
const PASSWORD = 'bench-ruling-password';
const RATIONALE = 'The evidence on file supports this outcome; see the photos and the tracking history.';

/** Each session takes the next case from the queue and rules on it, until `count` rulings are made. */
async function ruleOnNextCases(url: string, sessions: Session[], count: number) {
    const latencies: number[] = [];
    const outcomes = new Map<string, number>();
    const errors: string[] = [];
    let started = 0;
    await Promise.all(
        sessions.map(async (session) => {
            while (started < count) {
                const n = started++;
                const next = await staffPost(`${url}/api/queue/next`, session, {});
                const dispute = (await next.json()) as { id?: number; orderTotal?: number; message?: string };
                if (!next.ok || !dispute.id) {
                    errors.push(`queue/next ${next.status} ${dispute.message}`);
                    continue;
                }
                // Every fifth no refund, the others a share of the order (the largest need approval).
                const share = n % 5 === 0 ? 0 : [0.2, 0.5, 0.8, 1][n % 4];
                const body = {
                    refundAmount: Math.floor((dispute.orderTotal ?? 0) * share),
                    returnRequired: false,
                    rationaleBuyer: RATIONALE,
                    rationaleSeller: RATIONALE,
                    evidenceIds: [],
                };
                const t0 = performance.now();
                const res = await staffPost(`${url}/api/disputes/${dispute.id}/decision`, session, body, {
                    'idempotency-key': randomUUID(),
                });
                const decision = (await res.json()) as { status?: string; message?: string };
                latencies.push(performance.now() - t0);
                if (res.status !== 201) errors.push(`decision ${res.status} ${decision.message}`);
                else outcomes.set(decision.status!, (outcomes.get(decision.status!) ?? 0) + 1);
            }
        })
    );
    return { latencies, outcomes, errors };
}

await forEachBenchDatabase(import.meta.url, async (db) => {
    ensureDisputes(db, TARGET);
    const staff = await benchStaff('mediator', 'bench-ruling-mediator', MEDIATORS, PASSWORD);
    // No webhook URL: the events stay queued, so only the ruling itself is measured here.
    const server = await startServer(db, {
        POLICY_MAX_CASES_PER_MEDIATOR: String(RULINGS),
        MARKETPLACE_WEBHOOK_URL: '',
    });
    try {
        const sessions = [];
        for (const s of staff) sessions.push(await signIn(server.url, s.email, PASSWORD));
        // One mediator at a time: the ruling's own time. Then all of them at once: SQLite's one
        // writer makes them queue, so that latency includes the wait behind the others.
        for (const [label, active, count] of [
            ['one mediator', sessions.slice(0, 1), Math.ceil(RULINGS / 4)],
            [`${MEDIATORS} mediators at once`, sessions, RULINGS],
        ] as const) {
            const begin = performance.now();
            const run = await ruleOnNextCases(server.url, active, count);
            const seconds = (performance.now() - begin) / 1000;
            const s = summary(run.latencies);
            console.log(
                `\n[${db.label}] POST /api/disputes/:id/decision, ${label}, ${run.latencies.length} rulings`
            );
            console.log(`  latency    p50 ${ms(s.p50)}  p95 ${ms(s.p95)}   (target p95 ≤ 50 ms)`);
            console.log(
                `  throughput ${(run.latencies.length / seconds).toFixed(0)} cases taken and ruled per second`
            );
            console.log(`  decisions  ${[...run.outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
            console.log(
                `  errors     ${run.errors.length}${run.errors.length ? ' — first: ' + run.errors[0] : ''}`
            );
        }
    } finally {
        await server.stop();
    }
    // The drain runs on a database of its own (on SQLite), so the rulings' queued events stay out of it.
    const own =
        db.label === 'sqlite' ? { ...db, env: { ...db.env, DATA_DIR: `${db.env.DATA_DIR}-outbox` } } : db;
    printOutboxDrain(db.label, await benchOutboxDrain(own));
});
