/**
 * The decisions audit and mediator quality on 1,000,000 disputes, through the HTTP API, p95:
 * GET /api/mediator-quality for the last 30 days and the last year (one range read over
 * decision.issuedAt, IDX_decision_issued_quality), and the decisions audit list sorted by refund
 * percentage, by hours to decision, and one mediator's rulings of a period.
 */
import http from 'node:http';
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
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);

const day = benchDay;
const list = (query: object) =>
    Object.entries(query)
        .map(([key, value]) => `${key}=${encodeURIComponent(JSON.stringify(value))}`)
        .join('&');

async function busiestMediator(): Promise<number> {
    return withBenchDataSource(async (ds) => {
        const [row] = (await ds.query(
            'SELECT "mediatorId" AS "id", COUNT(*) AS "n" FROM "decision" GROUP BY "mediatorId" ORDER BY 2 DESC LIMIT 1'
        )) as { id: unknown }[];
        return Number(row?.id ?? 0);
    });
}

async function measure(db: BenchDb) {
    const mediatorId = await busiestMediator();
    const month = { issuedAt_gte: `${day(29)}T00:00:00.000Z` };
    const requests: Record<string, string> = {
        'mediator quality, 30 days': `/api/mediator-quality?from=${day(29)}&to=${day(0)}`,
        'mediator quality, a year': `/api/mediator-quality?from=${day(364)}&to=${day(0)}`,
        'audit sorted by refund %': `/api/decisions?${list({ sort: ['refundPercent', 'DESC'], range: [0, 24] })}`,
        'audit, 48–96 h to decision, by hours': `/api/decisions?${list({
            filter: { hoursToDecision_gte: 48, hoursToDecision_lte: 96 },
            sort: ['hoursToDecision', 'ASC'],
            range: [0, 24],
        })}`,
        'audit, one mediator, 30 days': `/api/decisions?${list({
            filter: { mediatorId, ...month },
            sort: ['issuedAt', 'DESC'],
            range: [0, 24],
        })}`,
    };
    const server = await startServer(db);
    try {
        const session = await signIn(server.url, 'supervisor@example.com', 'dispute-desk-demo');
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        for (const [name, path] of Object.entries(requests)) {
            const samples: number[] = [];
            for (let i = 0; i < ROUNDS + 10; i++) {
                const start = performance.now();
                const res = await benchGet(`${server.url}${path}`, session.cookie, agent);
                if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.body}`);
                JSON.parse(res.body);
                if (i >= 10) samples.push(performance.now() - start);
            }
            const s = summary(samples);
            console.log(`[${db.label}] ${name}: p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`);
        }
        agent.destroy();
    } finally {
        await server.stop();
    }
}

await forEachBenchDatabase(import.meta.url, async (db) => {
    ensureDisputes(db, TARGET);
    await measure(db);
});
