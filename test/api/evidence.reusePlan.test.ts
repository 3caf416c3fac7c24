import { randomBytes } from 'node:crypto';
import type { SelectQueryBuilder } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKind } from '../../server/src/db/dbKind';
import { insertFlat, type SqlValue } from '../../server/src/db/sqlInsert';
import { writeTransaction } from '../../server/src/db/transaction';
import type { Attachment } from '../../server/src/entities';
import { disputeAttachmentsStatement } from '../../server/src/evidence/disputeReuse';
import { dhashBands, exactCopiesQuery, similarCandidatesQuery } from '../../server/src/evidence/reuse';
import { Random } from '../../server/src/seed/random';
import { createTestApp, type TestApp } from '../helpers/testApp';

/**
 * The reused-evidence lookups (an attachment's `reusedIn`, a dispute's `reusedEvidenceIn`) read
 * by index only, proven from each engine's own plan on a table of evidence spread like
 * production's: the dispute's files by IDX on disputeId, exact copies by IDX_attachment_sha256,
 * near-identical pictures by the four IDX_attachment_dhash_bandN — never a scan of the table.
 */
let ctx: TestApp;
/** At 20,000 rows PostgreSQL rightly reads the whole small table instead of ~500 band probes. */
const ROWS = 100_000;
const THRESHOLD = 6;
const COLUMNS = [
    'disputeId',
    'uploadedBy',
    'kind',
    'fileName',
    'mimeType',
    'size',
    'sha256',
    'dhash',
    'dhashBand0',
    'dhashBand1',
    'dhashBand2',
    'dhashBand3',
    'storageKey',
    'reviewStatus',
    'createdAt',
];
const sample = { sha256: [] as string[], dhash: [] as string[] };

beforeAll(async () => {
    ctx = await createTestApp();
    const random = new Random(11);
    const values: SqlValue[] = [];
    for (let i = 0; i < ROWS; i++) {
        const image = random.int(0, 9) < 7;
        const sha256 = randomBytes(32).toString('hex');
        const dhash = image ? randomBytes(8).toString('hex') : null;
        if (i % 1000 === 0) sample.sha256.push(sha256);
        if (dhash && sample.dhash.length < 8) sample.dhash.push(dhash);
        values.push(random.int(1, 6_000), 'buyer', image ? 'image' : 'pdf', `f${i}`, 'image/png', 1000);
        values.push(sha256, dhash, ...(dhash ? dhashBands(dhash) : [null, null, null, null]));
        values.push(`k${i}`, 'pending', new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString());
    }
    await writeTransaction(ctx.dataSource, (tx) => insertFlat(tx, 'attachment', COLUMNS, values));
    await ctx.dataSource.query(dbKind === 'postgres' ? 'ANALYZE "attachment"' : 'ANALYZE');
});
afterAll(() => ctx?.close());

interface PgPlanNode {
    'Node Type': string;
    'Index Name'?: string;
    Plans?: PgPlanNode[];
}
const pgNodes = (node: PgPlanNode): PgPlanNode[] => [node, ...(node.Plans ?? []).flatMap(pgNodes)];

/** SQLite: the plan's lines; PostgreSQL: "<node type> <index>" of every node. */
async function plan(query: SelectQueryBuilder<Attachment> | [string, unknown[]]): Promise<string[]> {
    const [sql, params] = Array.isArray(query) ? query : query.getQueryAndParameters();
    if (dbKind === 'postgres') {
        const [row] = (await ctx.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as {
            'QUERY PLAN': [{ Plan: PgPlanNode }];
        }[];
        return pgNodes(row['QUERY PLAN'][0].Plan).map((n) => `${n['Node Type']} ${n['Index Name'] ?? ''}`);
    }
    const rows = (await ctx.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[];
    return rows.map((row) => row.detail);
}

/** Every index the plan reads, and that no node scans the whole table. */
function expectIndexesOnly(lines: string[], indexes: (string | RegExp)[]): void {
    const text = lines.join('\n');
    for (const index of indexes) expect(text, text).toMatch(index);
    if (dbKind === 'postgres') expect(text).not.toMatch(/Seq Scan/);
    else expect(text).not.toMatch(/SCAN attachment(?! USING)/);
}

describe(`the reused-evidence lookups (${dbKind})`, () => {
    it('finds exact copies through IDX_attachment_sha256', async () => {
        const lines = await plan(exactCopiesQuery(ctx.dataSource.manager, sample.sha256));
        expectIndexesOnly(lines, [/IDX_attachment_sha256/]);
    });

    it('finds near-identical picture candidates through the four dHash band indexes', async () => {
        const lines = await plan(similarCandidatesQuery(ctx.dataSource.manager, sample.dhash, THRESHOLD));
        expectIndexesOnly(
            lines,
            [0, 1, 2, 3].map((band) => new RegExp(`IDX_attachment_dhash_band${band}`))
        );
    });

    it('reads a page of disputes’ files through the index on attachment.disputeId', async () => {
        const ids = Array.from({ length: 25 }, (_, i) => 100 + i * 7);
        const lines = await plan(disputeAttachmentsStatement(ids));
        expectIndexesOnly(lines, [/IDX_\w+/]);
        expect(lines.join('\n')).toMatch(dbKind === 'postgres' ? /Index|Bitmap/ : /\(disputeId=\?\)/);
    });

    it('returns what the plans promise: the sampled copies and every candidate sharing a band', async () => {
        const exact = await exactCopiesQuery(ctx.dataSource.manager, sample.sha256).getMany();
        expect(exact.map((row) => row.sha256).sort()).toEqual([...sample.sha256].sort());
        const similar = await similarCandidatesQuery(
            ctx.dataSource.manager,
            sample.dhash,
            THRESHOLD
        ).getMany();
        for (const dhash of sample.dhash) expect(similar.map((row) => row.dhash)).toContain(dhash);
    });
});
