/**
 * The queue's first page: escalated disputes sorted by SLA due, with the total, on 1,000,000
 * disputes — through the HTTP API vs the same two SQL queries run directly on the database, the
 * two taking turns request after request. Target: API p95 ≤ 30 ms and ≤ 2× the direct query.
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
async function directQueries() {
    const config = loadConfig();
    const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const { pageQuery, countQuery } = listQueries(
        dataSource,
        disputesResource,
        parseListParams(disputesResource, QUERY)
    );
    const [pageSql, pageParams] = pageQuery.getQueryAndParameters();
    const [countSql, countParams] = countQuery.getQueryAndParameters();
    return {
        run: () =>
            Promise.all([dataSource.query(pageSql, pageParams), dataSource.query(countSql, countParams)]),
        close: () => dataSource.destroy(),
    };
}

/**
 * The API request and the direct queries, taking turns round after round: both meet the same
 * moments of a shared machine, so that their ratio is the server's overhead, not the noise.
 */
async function measure(db: BenchDb) {
    const server = await startServer(db);
    const direct = await directQueries();
    try {
        const session = await signIn(server.url, 'supervisor@example.com', 'dispute-desk-demo');
        const url = `${server.url}/api/disputes?${new URLSearchParams(QUERY)}`;
        const api: number[] = [];
        const sql: number[] = [];
        let total = '';
        // A plain keep-alive HTTP client, so that the figure is the server's, not fetch's.
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        for (let i = 0; i < ROUNDS + 20; i++) {
            let start = performance.now();
            const res = await benchGet(url, session.cookie, agent);
            JSON.parse(res.body);
            if (i >= 20) api.push(performance.now() - start);
            total = res.contentRange;
            start = performance.now();
            await direct.run();
            if (i >= 20) sql.push(performance.now() - start);
        }
        agent.destroy();
        return { api, sql, total };
    } finally {
        await direct.close();
        await server.stop();
    }
}

await forEachBenchDatabase(import.meta.url, async (db) => {
    ensureDisputes(db, TARGET);
    const run = await measure(db);
    const sql = summary(run.sql);
    const http = summary(run.api);
    console.log(
        `\n[${db.label}] first page of escalated disputes by SLA due (${run.total}), ${http.n} requests`
    );
    console.log(`  API    p50 ${ms(http.p50)}  p95 ${ms(http.p95)}   (target p95 ≤ 30 ms)`);
    console.log(`  direct p50 ${ms(sql.p50)}  p95 ${ms(sql.p95)}`);
    console.log(
        `  ratio  p50 ${(http.p50 / sql.p50).toFixed(2)}×  p95 ${(http.p95 / sql.p95).toFixed(2)}×   (target ≤ 2×)`
    );
});
