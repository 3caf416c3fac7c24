/**
 * The queue's first page: escalated disputes sorted by SLA due, with the total, on 1,000,000
 * disputes — through the HTTP API vs the same two SQL queries run directly on the database.
 * Target: API p95 ≤ 30 ms and ≤ 2× the direct query.
 */
import http from 'node:http';
import { loadConfig } from '../../server/src/config';
import { openDataSource } from '../../server/src/db/dataSource';
import { disputesResource } from '../../server/src/disputes/disputesResource';
import { parseListParams } from '../../server/src/rest/listParams';
import { listQueries } from '../../server/src/rest/resourceQuery';
import {
    forEachBenchDatabase,
    ensureDisputes,
    ms,
    signIn,
    startServer,
    summary,
    type BenchDb,
} from './benchSupport';
import { benchGet } from './benchHttp';

const TARGET = Number(process.env.BENCH_DISPUTES ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1000);
const QUERY = {
    filter: JSON.stringify({ status: 'escalated' }),
    sort: JSON.stringify(['slaDueAt', 'ASC']),
    range: JSON.stringify([0, 24]),
};

/** The same two SQL statements, straight to the database (this process's engine). */
async function direct(): Promise<number[]> {
    const config = loadConfig();
    const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const { pageQuery, countQuery } = listQueries(
        dataSource,
        disputesResource,
        parseListParams(disputesResource, QUERY)
    );
    const [pageSql, pageParams] = pageQuery.getQueryAndParameters();
    const [countSql, countParams] = countQuery.getQueryAndParameters();
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS + 20; i++) {
        const start = performance.now();
        await Promise.all([dataSource.query(pageSql, pageParams), dataSource.query(countSql, countParams)]);
        if (i >= 20) samples.push(performance.now() - start);
    }
    await dataSource.destroy();
    return samples;
}

async function overHttp(db: BenchDb): Promise<{ samples: number[]; total: string }> {
    const server = await startServer(db);
    try {
        const session = await signIn(server.url, 'supervisor@example.com', 'dispute-desk-demo');
        const url = `${server.url}/api/disputes?${new URLSearchParams(QUERY)}`;
        const samples: number[] = [];
        let total = '';
        // A plain keep-alive HTTP client, so that the figure is the server's, not fetch's.
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        for (let i = 0; i < ROUNDS + 20; i++) {
            const start = performance.now();
            const res = await benchGet(url, session.cookie, agent);
            JSON.parse(res.body);
            if (i >= 20) samples.push(performance.now() - start);
            total = res.contentRange;
        }
        agent.destroy();
        return { samples, total };
    } finally {
        await server.stop();
    }
}

await forEachBenchDatabase(import.meta.url, async (db) => {
    ensureDisputes(db, TARGET);
    const api = await overHttp(db);
    const sql = summary(await direct());
    const http = summary(api.samples);
    console.log(
        `\n[${db.label}] first page of escalated disputes by SLA due (${api.total}), ${http.n} requests`
    );
    console.log(`  API    p50 ${ms(http.p50)}  p95 ${ms(http.p95)}   (target p95 ≤ 30 ms)`);
    console.log(`  direct p50 ${ms(sql.p50)}  p95 ${ms(sql.p95)}`);
    console.log(
        `  ratio  p50 ${(http.p50 / sql.p50).toFixed(2)}×  p95 ${(http.p95 / sql.p95).toFixed(2)}×   (target ≤ 2×)`
    );
});
