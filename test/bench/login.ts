/**
 * Sign-in throughput: POST /api/auth/login (counted and recorded before the password is checked,
 * then marked) against the password hash alone in the same run: the hash is the bound, the
 * lockout bookkeeping must not be. Prints logins/s with and without the counting, and the ratio.
 * BENCH_LOGINS sets the number of sign-ins (default 200), BENCH_LOGIN_CONCURRENCY the callers (4).
 */
import { hashPassword, verifyPassword } from '../../server/src/auth/password';
import { loadConfig } from '../../server/src/config';
import { openDataSource } from '../../server/src/db/dataSource';
import { Staff } from '../../server/src/entities';
import { forEachBenchDatabase, ms, startServer, summary } from './benchSupport';

const LOGINS = Number(process.env.BENCH_LOGINS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_LOGIN_CONCURRENCY ?? 4);
const PASSWORD = 'bench-login-password';
const EMAIL = 'bench-login@example.com';

/** Runs `task` LOGINS times with CONCURRENCY callers; per-call durations and the rate. */
async function measure(task: () => Promise<void>): Promise<{ perSecond: number; samples: number[] }> {
    const samples: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
            while (next++ < LOGINS) {
                const t = performance.now();
                await task();
                samples.push(performance.now() - t);
            }
        })
    );
    return { perSecond: (LOGINS / (performance.now() - started)) * 1000, samples };
}

async function benchStaff(): Promise<string> {
    const config = loadConfig();
    const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
        const repo = dataSource.getRepository(Staff);
        const passwordHash = await hashPassword(PASSWORD);
        const existing = await repo.findOneBy({ email: EMAIL });
        if (existing) await repo.update({ id: existing.id }, { passwordHash, active: true });
        else
            await repo.save(
                repo.create({ email: EMAIL, fullName: 'Bench Login', role: 'support', passwordHash })
            );
        // A fresh window: earlier runs' attempts would count against the address.
        await dataSource.query('DELETE FROM login_attempt');
        return passwordHash;
    } finally {
        await dataSource.destroy();
    }
}

await forEachBenchDatabase(import.meta.url, async (db) => {
    const stored = await benchStaff();
    const hashOnly = await measure(async () => {
        if (!(await verifyPassword(PASSWORD, stored))) throw new Error('the hash does not verify');
    });
    // Every sign-in comes from the bench's one address: lift that limit, not the per-account one.
    const server = await startServer(db, { POLICY_LOGIN_ADDRESS_FAILURE_LIMIT: String(LOGINS * 10) });
    try {
        const api = await measure(async () => {
            const res = await fetch(`${server.url}/api/auth/login`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
            });
            if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
            await res.arrayBuffer();
        });
        const s = summary(api.samples);
        console.log(
            `[login ${db.label}] ${LOGINS} sign-ins, ${CONCURRENCY} callers: ` +
                `with the counting ${api.perSecond.toFixed(1)}/s (p50 ${ms(s.p50)}, p95 ${ms(s.p95)}); ` +
                `password hash alone ${hashOnly.perSecond.toFixed(1)}/s; ratio ${(api.perSecond / hashOnly.perSecond).toFixed(2)}×`
        );
    } finally {
        await server.stop();
    }
});
