/**
 * GET /api/disputes/:id/guidance on the 1,000,000-dispute data set (about 400,000 issued rulings):
 * the guidance beside the ruling form of disputes waiting for a ruling, through the HTTP API, and
 * the precedent query alone straight on the database. Prints p50/p95 and how many precedents were
 * found, so a fast answer with nothing in it would show. Target: API p95 ≤ 30 ms.
 */
import http from 'node:http';
import { loadConfig } from '../../server/src/config';
import { precedentQuery, type PrecedentSubject } from '../../server/src/decisions/guidance';
import type { Guidance } from '../../shared/precedents';
import { Random } from '../../server/src/seed/random';
import {
    ensureDisputes,
    forEachBenchDatabase,
    ms,
    signIn,
    startServer,
    summary,
    type BenchDb,
    withBenchDataSource,
} from './benchSupport';
import { benchGet } from './benchHttp';

const TARGET = Number(process.env.BENCH_DISPUTES ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1000);
const SAMPLE = 500;

interface SubjectRow {
    id: number;
    reason: PrecedentSubject['reason'];
    goodsReceived: boolean | number;
    currency: string;
    total: number;
}

/** Disputes a mediator would rule on next, picked at random (the same ones on every run). */
async function subjects(): Promise<PrecedentSubject[]> {
    return withBenchDataSource(async (ds) => {
        const [ruled] = (await ds.query(
            `SELECT COUNT(*) AS n FROM "decision" WHERE "status" = 'issued' AND "reason" IS NOT NULL`
        )) as { n: number | string }[];
        if (Number(ruled.n) < TARGET / 20) {
            throw new Error(
                `only ${ruled.n} issued rulings with a reason: the bench database was seeded before the bulk ` +
                    'seed wrote rulings; delete it (BENCH_DATA_DIR, default data/bench) to seed it again'
            );
        }
        const rows = (await ds.query(
            `SELECT "dispute"."id", "dispute"."reason", "dispute"."goodsReceived", "dispute"."currency",
                    "order"."total"
             FROM "dispute" JOIN "order" ON "order"."id" = "dispute"."orderId"
             WHERE "dispute"."status" IN ('escalated', 'in_review', 'awaiting_evidence', 'pending_approval')`
        )) as SubjectRow[];
        const random = new Random(11);
        return Array.from({ length: Math.min(SAMPLE, rows.length) }, () => {
            const row = random.pick(rows);
            return {
                disputeId: Number(row.id),
                reason: row.reason,
                goodsReceived: Boolean(row.goodsReceived),
                currency: row.currency,
                orderTotal: Number(row.total),
            };
        });
    });
}

/** The precedent query alone, straight to the database (this process's engine). */
async function direct(sample: PrecedentSubject[]): Promise<number[]> {
    const { policy } = loadConfig();
    return withBenchDataSource(async (ds) => {
        const samples: number[] = [];
        for (let i = 0; i < ROUNDS + 20; i++) {
            const [sql, params] = precedentQuery(sample[i % sample.length], policy);
            const start = performance.now();
            await ds.query(sql, params);
            if (i >= 20) samples.push(performance.now() - start);
        }
        return samples;
    });
}

async function overHttp(db: BenchDb, sample: PrecedentSubject[]) {
    const server = await startServer(db);
    try {
        const session = await signIn(server.url, 'mediator@example.com', 'dispute-desk-demo');
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        const samples: number[] = [];
        const found: number[] = [];
        for (let i = 0; i < ROUNDS + 20; i++) {
            const { disputeId } = sample[i % sample.length];
            const start = performance.now();
            const res = await benchGet(
                `${server.url}/api/disputes/${disputeId}/guidance`,
                session.cookie,
                agent
            );
            const guidance = JSON.parse(res.body) as Guidance;
            if (i >= 20) samples.push(performance.now() - start);
            if (res.status !== 200) throw new Error(`guidance of ${disputeId}: ${res.status} ${res.body}`);
            if (i >= 20) found.push(guidance.precedents.count);
        }
        agent.destroy();
        return { samples, found };
    } finally {
        await server.stop();
    }
}

await forEachBenchDatabase(import.meta.url, async (db) => {
    ensureDisputes(db, TARGET);
    const sample = await subjects();
    const api = await overHttp(db, sample);
    const sql = summary(await direct(sample));
    const httpTimes = summary(api.samples);
    const full = api.found.filter((n) => n === 20).length;
    const none = api.found.filter((n) => n === 0).length;
    const mean = api.found.reduce((a, b) => a + b, 0) / Math.max(1, api.found.length);
    console.log(
        `\n[${db.label}] GET /api/disputes/:id/guidance, ${httpTimes.n} requests over ${sample.length} disputes awaiting a ruling`
    );
    console.log(
        `  API              p50 ${ms(httpTimes.p50)}  p95 ${ms(httpTimes.p95)}   (target p95 ≤ 30 ms)`
    );
    console.log(`  precedent query  p50 ${ms(sql.p50)}  p95 ${ms(sql.p95)}`);
    console.log(
        `  precedents found: mean ${mean.toFixed(1)}, 20 in ${((100 * full) / api.found.length).toFixed(1)} %, ` +
            `none in ${((100 * none) / api.found.length).toFixed(1)} %`
    );
});
