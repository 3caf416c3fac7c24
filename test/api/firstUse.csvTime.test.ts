import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../helpers/agent';
import { buildDispute } from '../helpers/factories';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
let api: Agent;
let id: number;

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    id = (await buildDispute(ctx.dataSource, { openedAt: new Date('2026-07-01T10:30:05.000Z') })).id;
});
afterAll(() => ctx.close());

const exportOf = (tz?: string) => {
    const filter = encodeURIComponent(JSON.stringify({ id }));
    return api.get(`/api/disputes/export.csv?filter=${filter}${tz ? `&tz=${encodeURIComponent(tz)}` : ''}`);
};

describe('GET /api/<res>/export.csv?tz=', () => {
    it('writes exact timestamps in UTC by default', async () => {
        const res = await exportOf();
        expect(res.status).toBe(200);
        expect(res.text).toContain('2026-07-01 10:30:05 +00:00');
    });

    it('writes them in the staff member’s time zone, with its offset', async () => {
        expect((await exportOf('Europe/Berlin')).text).toContain('2026-07-01 12:30:05 +02:00');
        expect((await exportOf('America/New_York')).text).toContain('2026-07-01 06:30:05 -04:00');
    });

    it('refuses an unknown zone with a 400 naming it', async () => {
        const res = await exportOf('Mars/Olympus');
        expect(res.status).toBe(400);
        expect(res.body.message).toContain('Mars/Olympus');
    });
});
