import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dispute, IdempotencyKey, Order } from '../../server/src/entities';
import { buildStaff } from '../helpers/factories';
import { openDisputeBody } from '../helpers/integration';
import type { TestApp } from '../helpers/testApp';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase';

/**
 * A server process killed (SIGKILL) in the middle of idempotent requests leaves claims without an
 * answer. After a restart, retries with the same keys must go through, each request taking effect
 * exactly once. A retry that finds a claim it may not take over waits 10 s and answers 409, so
 * "every retry answers 201" proves the takeover. On SQLite (one process owns the database) it must
 * not depend on the claim lease at all: the lease there is longer than that wait. On PostgreSQL
 * another process may still be at work, so the takeover comes once the lease (short here) is over.
 */
const API_KEY = 'crash-test-integration-key';
const LEASE_SECONDS = process.env.DATABASE_URL ? 2 : 3600;
const REQUESTS_PER_ROUND = 24;

let db: TestDatabase;
beforeAll(async () => {
    db = await createTestDatabase();
    // Any staff member: the server seeds the demo data set only into an empty database.
    await buildStaff(db.dataSource, { email: 'crash-test@test.example' });
});
afterAll(() => db.drop());

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
        server.on('error', reject);
    });
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
        env: {
            ...process.env,
            DATABASE_URL: db.databaseUrl ?? '',
            DATA_DIR: db.dataDir,
            PORT: String(port),
            INTEGRATION_API_KEY: API_KEY,
            JOBS_INTERVAL_SECONDS: '0',
            POLICY_IDEMPOTENCY_CLAIM_LEASE_SECONDS: String(LEASE_SECONDS),
        },
        stdio: ['ignore', 'ignore', 'ignore'],
    });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
        try {
            if ((await fetch(`${url}/health`)).ok) return { child, url };
        } catch {
            // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error('the server did not start');
}

function post(url: string, key: string, body: object): Promise<Response> {
    return fetch(`${url}/integration/v1/disputes`, {
        method: 'POST',
        headers: {
            authorization: `Bearer ${API_KEY}`,
            'idempotency-key': key,
            'content-type': 'application/json',
        },
        body: JSON.stringify(body),
    });
}

function unansweredClaims(): Promise<number> {
    return db.dataSource
        .getRepository(IdempotencyKey)
        .createQueryBuilder('k')
        .where('k.responseStatus IS NULL')
        .getCount();
}

/** Bodies relative to the real clock: the server process runs on it. */
const realTime = { clock: { now: () => new Date() } } as unknown as TestApp;

describe('POST /integration/v1/disputes after the server was killed mid-request', () => {
    it('takes over the dead process claims at once on a retry; each request takes effect once', async () => {
        const sent: { key: string; body: ReturnType<typeof openDisputeBody> }[] = [];
        let unanswered = 0;
        // Kill at different moments until some request died between its claim and its answer.
        for (let round = 0; round < 8 && unanswered === 0; round++) {
            const { child } = await startServer().then(async (server) => {
                const requests = Array.from({ length: REQUESTS_PER_ROUND }, (_, i) => {
                    const entry = { key: `crash-${round}-${i}`, body: openDisputeBody(realTime) };
                    sent.push(entry);
                    return post(server.url, entry.key, entry.body).catch(() => null);
                });
                // Kill as soon as some claim is taken and not yet answered (or after a while).
                for (let wait = 0; wait < 400 && (await unansweredClaims()) === 0; wait++) {
                    await new Promise((r) => setTimeout(r, 5 + round * 5));
                }
                server.child.kill('SIGKILL');
                await Promise.all(requests);
                return server;
            });
            await new Promise<void>((resolve) => {
                if (child.exitCode !== null || child.signalCode !== null) resolve();
                else child.once('exit', () => resolve());
            });
            unanswered = await unansweredClaims();
        }
        expect(unanswered).toBeGreaterThan(0);

        const restarted = await startServer();
        try {
            const retries = await Promise.all(sent.map(({ key, body }) => post(restarted.url, key, body)));
            expect(retries.map((r) => r.status)).toEqual(sent.map(() => 201));
        } finally {
            restarted.child.kill('SIGKILL');
        }
        for (const { body } of sent) {
            const disputes = await db.dataSource
                .getRepository(Dispute)
                .createQueryBuilder('d')
                .innerJoin(Order, 'o', 'o.id = d.orderId')
                .where('o.externalId = :externalId', { externalId: body.order.externalId })
                .getCount();
            expect(disputes).toBe(1);
        }
    }, 240_000);
});
