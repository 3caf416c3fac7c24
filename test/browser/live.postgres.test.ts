import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServer, type RunningServer } from './browserHelpers';
import {
    eachSeesTheOther,
    leavingEndsPresence,
    openMediatorDesks,
    pickUpDropsRow,
    type Desk,
} from './liveSteps';

/** Seeding the demo data on PostgreSQL, then a second process, on a busy machine. */
const STARTUP_MS = 480_000;
/** The PostgreSQL server CI runs beside the tests. */
const POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: POSTGRES });
    await client.connect();
    try {
        await client.query(sql);
    } finally {
        await client.end();
    }
}

describe('live queue and presence across two server processes on one PostgreSQL database', () => {
    const name = `dd_live_${process.pid}_${randomBytes(4).toString('hex')}`;
    const servers: RunningServer[] = [];
    let browser: Browser;
    let a: Desk;
    let b: Desk;
    let id: number;

    beforeAll(async () => {
        await admin(`CREATE DATABASE ${name}`);
        const url = new URL(POSTGRES);
        url.pathname = `/${name}`;
        // Every process writing one database shares the audit chain's key.
        const env = { DATABASE_URL: url.toString(), AUDIT_KEY: randomBytes(32).toString('hex') };
        // One after the other: the first migrates and seeds; the second finds the data there.
        servers.push(await startServer(env));
        servers.push(await startServer(env));
        browser = await launchBrowser();
        ({ a, b } = await openMediatorDesks(browser, servers[0].baseUrl, servers[1].baseUrl));
    }, STARTUP_MS);
    afterAll(async () => {
        await browser?.close();
        for (const server of servers) await server.stop();
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });

    it('seeds the demo data once, in the first process', () => {
        expect(servers[0].output()).toContain('Seeded the demo data set');
        expect(servers[1].output()).not.toContain('Seeded the demo data set');
    });

    it('drops a case picked up through one process from the queue served by the other, without a reload', async () => {
        id = await pickUpDropsRow(a, b);
    });

    it('shows each mediator the other on the case page, across the processes', async () => {
        await eachSeesTheOther(a, b, id);
    });

    it('stops showing a mediator who left the case, across the processes', async () => {
        await leavingEndsPresence(a, b);
    });
});
