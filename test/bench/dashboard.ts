/**
 * The supervisor's dashboard on 1,000,000 disputes: each chart's endpoint, for the last 30 days
 * by day and the last year by week, through the HTTP API, p95. Target (issue 11): p95 ≤ 50 ms on
 * SQLite. Each answers from one query of the maintained aggregates (daily_stat), filled by the
 * bulk seed's rebuild; a database seeded before them is rebuilt here first.
 */
import http from 'node:http';
import { DASHBOARD_CHARTS } from '../../shared/dashboard';
import { rebuildDailyStats } from '../../server/src/dashboard/statsRebuild';
import {
    ensureDisputes,
    forEachBenchDatabase,
    ms,
    signIn,
    startServer,
    summary,
    withBenchDataSource,
    type BenchDb,
    benchDay,
} from './benchSupport';
import { benchGet } from './benchHttp';

const TARGET = Number(process.env.BENCH_DISPUTES ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

const day = benchDay;
const PERIODS = {
    '30 days by day': { from: day(29), to: day(0), bucket: 'day' },
    'a year by week': { from: day(364), to: day(0), bucket: 'week' },
};

async function ensureAggregates(db: BenchDb) {
    await withBenchDataSource(async (ds) => {
        const [{ n }] = (await ds.query('SELECT COUNT(*) AS "n" FROM "daily_stat"')) as { n: unknown }[];
        if (Number(n) > 0) return;
        const started = Date.now();
        const rows = await rebuildDailyStats(ds);
        console.log(`[${db.label}] dashboard aggregates rebuilt: ${rows} rows in ${Date.now() - started} ms`);
    });
}

async function measure(db: BenchDb) {
    const server = await startServer(db);
    try {
        const session = await signIn(server.url, 'supervisor@example.com', 'dispute-desk-demo');
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        for (const [periodName, period] of Object.entries(PERIODS)) {
            for (const chart of DASHBOARD_CHARTS) {
                const url = `${server.url}/api/dashboard/${chart}?${new URLSearchParams(period)}`;
                const samples: number[] = [];
                for (let i = 0; i < ROUNDS + 20; i++) {
                    const start = performance.now();
                    const res = await benchGet(url, session.cookie, agent);
                    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${res.body}`);
                    JSON.parse(res.body);
                    if (i >= 20) samples.push(performance.now() - start);
                }
                const s = summary(samples);
                console.log(
                    `[${db.label}] dashboard ${chart}, ${periodName}: p50 ${ms(s.p50)}  p95 ${ms(s.p95)}   (target p95 ≤ 50 ms on SQLite)`
                );
            }
        }
        agent.destroy();
    } finally {
        await server.stop();
    }
}

await forEachBenchDatabase(import.meta.url, async (db) => {
    ensureDisputes(db, TARGET);
    await ensureAggregates(db);
    await measure(db);
});
