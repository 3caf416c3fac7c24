import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../shared/domain';
import { hashPassword } from '../../server/src/auth/password';
import { loadConfig } from '../../server/src/config';
import { openDataSource } from '../../server/src/db/dataSource';
import { LoginAttempt, Staff } from '../../server/src/entities';

/** Where the benchmark data lives: its own SQLite file, or BENCH_DATABASE_URL for PostgreSQL. */
export interface BenchDb {
    label: 'sqlite' | 'postgres';
    env: Record<string, string>;
}

export function benchDatabases(): BenchDb[] {
    const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? 'data/bench');
    const dbs: BenchDb[] = [{ label: 'sqlite', env: { DATA_DIR: dataDir, DATABASE_URL: '' } }];
    if (process.env.BENCH_DATABASE_URL) {
        dbs.push({
            label: 'postgres',
            env: { DATA_DIR: dataDir + '-pg', DATABASE_URL: process.env.BENCH_DATABASE_URL },
        });
    }
    return dbs;
}

/**
 * Runs a benchmark once per database, each in its own process: the engine is chosen when the
 * server modules load (DATABASE_URL), so one process cannot measure both.
 */
export async function forEachBenchDatabase(
    scriptUrl: string,
    run: (db: BenchDb) => Promise<void>
): Promise<void> {
    const only = process.env.BENCH_DB;
    if (only) {
        const db = benchDatabases().find((d) => d.label === only);
        if (db) await run(db);
        return;
    }
    for (const db of benchDatabases()) {
        const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(scriptUrl)], {
            env: { ...process.env, ...db.env, BENCH_DB: db.label },
            stdio: 'inherit',
        });
        if (child.status !== 0) throw new Error(`the ${db.label} benchmark failed`);
    }
}

/** Runs a TypeScript snippet in a child process with the bench database's environment. */
function tsx(env: Record<string, string>, args: string[]) {
    return spawnSync('npx', ['tsx', ...args], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
    });
}

/** Seeds the bulk data set once; later runs reuse it. */
export function ensureDisputes(db: BenchDb, target: number): void {
    const count = tsx(db.env, ['test/bench/countDisputes.ts']);
    const have = Number(count.stdout.trim() || 0);
    if (have >= target) {
        console.log(`[${db.label}] ${have.toLocaleString('en-US')} disputes already seeded`);
        return;
    }
    console.log(`[${db.label}] seeding ${target.toLocaleString('en-US')} disputes (once) …`);
    const seed = spawnSync(
        'npx',
        ['tsx', 'server/src/seed/seedCli.ts', '--disputes', String(target - have)],
        {
            env: { ...process.env, ...db.env },
            stdio: 'inherit',
        }
    );
    if (seed.status !== 0) throw new Error('seeding failed');
}

async function freePort(): Promise<number> {
    return new Promise((resolve) => {
        const server = net.createServer().listen(0, () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
    });
}

export interface RunningServer {
    url: string;
    /** CPU time the server has used so far, in ms: its main thread and its other threads (Linux). */
    cpu(): CpuTimes | null;
    stop(): Promise<void>;
}

const CLOCK_TICK_MS = 10;

/** utime + stime of one /proc stat line, in ms (fields 14 and 15, after the parenthesised name). */
function statCpuMs(file: string): number {
    const fields = fs.readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

export interface CpuTimes {
    /** ms of CPU on the main (JavaScript) thread */
    main: number;
    /** ms of CPU on every other thread: libuv's pool that runs SQLite, the garbage collector … */
    other: number;
}

function processCpu(pid: number | undefined): CpuTimes | null {
    if (!pid || !fs.existsSync(`/proc/${pid}/task`)) return null;
    const times: CpuTimes = { main: 0, other: 0 };
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        try {
            const ms = statCpuMs(`/proc/${pid}/task/${tid}/stat`);
            if (Number(tid) === pid) times.main += ms;
            else times.other += ms;
        } catch {
            // the thread ended meanwhile
        }
    }
    return times;
}

/** The server's CPU per request between two readings: main thread and other threads. */
export function cpuPerRequest(before: CpuTimes, after: CpuTimes, requests: number): string {
    const per = (ms: number) => (ms / Math.max(1, requests)).toFixed(2);
    return `main thread ${per(after.main - before.main)} ms, other threads ${per(after.other - before.other)} ms`;
}

/**
 * How a bench starts the server: Node itself with tsx's loader (not npx, which would not pass
 * SIGTERM on to the server); BENCH_PROFILE=1 writes its CPU profile to /tmp/prof.
 */
export function serverArgs(): string[] {
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : [];
    return [...profile, '--import', 'tsx', 'server/src/index.ts'];
}

/** The real server in its own process, as in production. */
export async function startServer(db: BenchDb, env: Record<string, string> = {}): Promise<RunningServer> {
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, serverArgs(), {
        env: { ...process.env, ...db.env, PORT: String(port), JOBS_INTERVAL_SECONDS: '0', ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
        try {
            if ((await fetch(`${url}/health`)).ok) break;
        } catch {
            // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
    }
    return {
        url,
        cpu: () => processCpu(child.pid),
        stop: () =>
            new Promise((resolve) => {
                child.once('exit', () => resolve());
                child.kill('SIGTERM');
            }),
    };
}

export interface Session {
    cookie: string;
    csrfToken: string;
}

export async function signIn(url: string, email: string, password: string): Promise<Session> {
    const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in failed for ${email}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string };
    return { cookie: String(res.headers.get('set-cookie')).split(';')[0], csrfToken: body.csrfToken };
}

export function percentile(sorted: number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summary(samples: number[]) {
    const sorted = [...samples].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

/** The bench database, opened (and migrated) in this process, for setup and clean-up around a run. */
export async function withBenchDataSource<T>(
    fn: (dataSource: Awaited<ReturnType<typeof openDataSource>>) => Promise<T>
): Promise<T> {
    const config = loadConfig();
    const dataSource = await openDataSource({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
        return await fn(dataSource);
    } finally {
        await dataSource.destroy();
    }
}

/** Staff accounts the bench signs in as (created once, reused); earlier runs' sign-in throttling cleared. */
export async function benchStaff(
    role: Role,
    prefix: string,
    count: number,
    password: string
): Promise<Staff[]> {
    return withBenchDataSource(async (ds) => {
        await ds.createQueryBuilder().delete().from(LoginAttempt).execute();
        const repo = ds.getRepository(Staff);
        const passwordHash = await hashPassword(password);
        const staff: Staff[] = [];
        for (let i = 0; i < count; i++) {
            const email = `${prefix}-${i}@example.com`;
            staff.push(
                (await repo.findOneBy({ email })) ??
                    (await repo.save(repo.create({ email, fullName: `${prefix} ${i}`, role, passwordHash })))
            );
        }
        return staff;
    });
}

/** A console POST as a signed-in staff member. */
export function staffPost(
    url: string,
    session: Session,
    body: unknown,
    headers: Record<string, string> = {}
) {
    return fetch(url, {
        method: 'POST',
        headers: {
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
            'content-type': 'application/json',
            ...headers,
        },
        body: JSON.stringify(body),
    });
}

/** A UTC day `daysAgo` days before today, as YYYY-MM-DD. */
export const benchDay = (daysAgo: number) =>
    new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
