import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_PAGE_ROWS } from '../../server/src/rest/csvExport';
import { seedBulk } from '../../server/src/seed/seedBulk';
import type { Agent } from '../helpers/agent';
import { buildBuyer } from '../helpers/factories';
import { listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
let supervisor: Agent;

/** An RFC 4180 reader: the test's own, so that it checks the quoting rather than repeating it. */
function parseCsv(text: string): string[][] {
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 1; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                cell += '"';
                i++;
            } else if (c === '"') quoted = false;
            else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') {
            row.push(cell);
            cell = '';
        } else if (c === '\r' && text[i + 1] === '\n') {
            row.push(cell);
            rows.push(row);
            row = [];
            cell = '';
            i++;
        } else cell += c;
    }
    expect(cell, 'the file ends with a line break').toBe('');
    return rows;
}

/** The export as objects keyed by its header. */
async function exported(agent: Agent, resource: string, query: { filter?: unknown; sort?: unknown } = {}) {
    const res = await agent.get(listUrl(`/api/${resource}/export.csv`, query)).buffer(true);
    expect(res.status, res.text).toBe(200);
    const [header, ...rows] = parseCsv(res.text);
    return {
        res,
        header,
        rows: rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))),
    };
}

beforeAll(async () => {
    ctx = await createTestApp();
    supervisor = await ctx.as('supervisor', 'csv-supervisor');
});
afterAll(() => ctx.close());

describe('GET /api/<resource>/export.csv', () => {
    it('quotes commas, quotes and line breaks, and neutralises formulas', async () => {
        const names = [
            'Doe, Jane',
            'Jane "JD" Doe',
            'Jane\nDoe',
            '=HYPERLINK("http://evil.example","click")',
            '+31 6 1234',
            '-2+3',
            '@SUM(A1:A2)',
            'Plain Jane',
        ];
        const built = [];
        for (const name of names) built.push(await buildBuyer(ctx.dataSource, { name, country: 'NL' }));
        const { res, rows } = await exported(supervisor, 'buyers', {
            filter: { country: 'NL' },
            sort: ['id', 'ASC'],
        });
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(res.headers['content-disposition']).toBe('attachment; filename="buyers-2026-11-20.csv"');
        expect(rows.map((row) => row.name)).toEqual([
            'Doe, Jane',
            'Jane "JD" Doe',
            'Jane\nDoe',
            `'=HYPERLINK("http://evil.example","click")`,
            "'+31 6 1234",
            "'-2+3",
            "'@SUM(A1:A2)",
            'Plain Jane',
        ]);
        expect(res.text).toContain('"Doe, Jane"');
        expect(res.text).toContain('"Jane ""JD"" Doe"');
        // Every figure the list shows, exact times (UTC unless tz= says otherwise), numbers as numbers.
        expect(rows[0]).toMatchObject({
            id: String(built[0].id),
            country: 'NL',
            flagged: 'false',
            createdAt: new Date(built[0].createdAt).toISOString().replace('T', ' ').slice(0, 19) + ' +00:00',
            blockReason: '',
        });
    });

    it('exports exactly what the list shows, with its filters and sort', async () => {
        const filter = { country: 'NL', q: 'Jane' };
        const sort = ['name', 'DESC'];
        const list = await supervisor.get(listUrl('/api/buyers', { filter, sort, range: [0, 99] }));
        const { header, rows } = await exported(supervisor, 'buyers', { filter, sort });
        expect(rows.map((row) => Number(row.id))).toEqual(list.body.map((b: { id: number }) => b.id));
        expect(header).toEqual(Object.keys(list.body[0]));
    });

    it('follows the permission of the list', async () => {
        const support = await ctx.as('support', 'csv-support');
        expect((await support.get('/api/staff/export.csv')).status).toBe(403);
        expect((await support.get('/api/audit-events/export.csv')).status).toBe(403);
        expect((await support.get('/api/buyers/export.csv')).status).toBe(200);
        expect((await ctx.request().get('/api/buyers/export.csv')).status).toBe(401);
    });

    it('answers a clear 400 for a bad filter, sort or parameter', async () => {
        const bad = [
            listUrl('/api/buyers/export.csv', { filter: { nope: 1 } }),
            listUrl('/api/buyers/export.csv', { sort: ['flagReason', 'ASC'] }),
            listUrl('/api/buyers/export.csv', { range: [0, 9] }),
        ];
        for (const url of bad) {
            const res = await supervisor.get(url);
            expect(res.status, url).toBe(400);
            expect(res.body.message, url).toBeTruthy();
        }
    });

    it('streams a large export page by page, in the list order, without repeating or losing a row', async () => {
        const count = 2 * EXPORT_PAGE_ROWS + 345;
        await seedBulk(ctx.dataSource, ctx.config, count, { now: ctx.clock.now(), progress: false });
        // Sorted by a column with ties and empty values, across page boundaries.
        for (const sort of [
            ['escalatedAt', 'DESC'],
            ['requestedAmount', 'ASC'],
            ['decidedAt', 'ASC'],
        ]) {
            const { res, rows } = await exported(supervisor, 'disputes', { sort });
            expect(res.headers['transfer-encoding']).toBe('chunked');
            expect(rows).toHaveLength(count);
            const listed: number[] = [];
            for (let first = 0; first < count; first += 1000) {
                const page = await supervisor.get(
                    listUrl('/api/disputes', { sort, range: [first, first + 999] })
                );
                listed.push(...page.body.map((d: { id: number }) => d.id));
            }
            expect(
                rows.map((row) => Number(row.id)),
                String(sort)
            ).toEqual(listed);
        }
    });
});
