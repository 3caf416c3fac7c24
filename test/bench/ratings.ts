/**
 * The buyers' ratings list on 1,000,000 disputes: the first page sorted by score (worst first,
 * then best first) and the flagged buyers by score, with the total — through the HTTP API, p95.
 * Target (issue 11): p95 ≤ 50 ms on SQLite. The score is a maintained, indexed column.
 */
import http from 'node:http';
import {
    ensureDisputes,
    forEachBenchDatabase,
    ms,
    signIn,
    startServer,
    summary,
    type BenchDb,
} from './benchSupport';
import { benchGet } from './benchHttp';

const TARGET = Number(process.env.BENCH_DISPUTES ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 500);

const CASES = {
    'by score, worst first': { sort: ['score', 'ASC'], filter: {} },
    'by score, best first': { sort: ['score', 'DESC'], filter: {} },
    'flagged, by score': { sort: ['score', 'ASC'], filter: { flagged: true } },
    'score 40–60, by dispute rate': {
        sort: ['disputeRatePermille', 'DESC'],
        filter: { score_gte: 40, score_lte: 60 },
    },
};

async function measure(db: BenchDb) {
    const server = await startServer(db);
    try {
        const session = await signIn(server.url, 'supervisor@example.com', 'dispute-desk-demo');
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        for (const [name, { sort, filter }] of Object.entries(CASES)) {
            const query = new URLSearchParams({
                filter: JSON.stringify(filter),
                sort: JSON.stringify(sort),
                range: JSON.stringify([0, 24]),
            });
            const url = `${server.url}/api/buyers?${query}`;
            const samples: number[] = [];
            let total = '';
            for (let i = 0; i < ROUNDS + 20; i++) {
                const start = performance.now();
                const res = await benchGet(url, session.cookie, agent);
                JSON.parse(res.body);
                if (i >= 20) samples.push(performance.now() - start);
                total = res.contentRange;
            }
            const s = summary(samples);
            console.log(
                `[${db.label}] buyers ${name} (${total}): p50 ${ms(s.p50)}  p95 ${ms(s.p95)}   (target p95 ≤ 50 ms on SQLite)`
            );
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
