import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_REASONS, outcomeOf, RECEIVED_REASONS, type DisputeReason } from '../../shared/domain';
import { DEFAULT_POLICY } from '../../shared/policy';
import { precedentQuery, type PrecedentSubject } from '../../server/src/decisions/guidance';
import { dbKind, fromDbTimestamp, toDbTimestamp } from '../../server/src/db/dbKind';
import { insertFlat, type SqlValue } from '../../server/src/db/sqlInsert';
import { writeTransaction } from '../../server/src/db/transaction';
import { Random } from '../../server/src/seed/random';
import { createTestApp, type TestApp } from '../helpers/testApp';

/**
 * The precedent search is one query that walks IDX_decision_precedent (reason, goodsReceived,
 * status, issuedAt) newest first and stops after 20 matches: proven here from the engine's own
 * plan, on a table of rulings spread like production's (many reasons, currencies, statuses).
 */
let ctx: TestApp;
const ROWS = 20_000;
const SUBJECT: PrecedentSubject = {
    disputeId: 1,
    reason: 'not_as_described',
    goodsReceived: true,
    currency: 'USD',
    orderTotal: 10_000,
};

const COLUMNS = [
    'disputeId',
    'mediatorId',
    'refundAmount',
    'reason',
    'goodsReceived',
    'orderTotal',
    'currency',
    'outcome',
    'returnRequired',
    'rationaleBuyer',
    'rationaleSeller',
    'evidenceIds',
    'status',
    'issuedAt',
    'createdAt',
];

const received = (reason: DisputeReason) => (RECEIVED_REASONS as readonly string[]).includes(reason);

beforeAll(async () => {
    ctx = await createTestApp();
    const random = new Random(7);
    const values: SqlValue[] = [];
    const bool = (b: boolean) => (dbKind === 'postgres' ? b : b ? 1 : 0);
    for (let i = 0; i < ROWS; i++) {
        const reason = random.pick(DISPUTE_REASONS);
        // Prices spread over a 20× range, evenly on a log scale, as a catalog's are.
        const orderTotal = Math.round(Math.exp(random.real(Math.log(2_000), Math.log(40_000))));
        const refundAmount = random.pick([0, Math.floor(orderTotal / 2), orderTotal]);
        const status = random.weighted([
            ['issued', 90],
            ['overturned', 4],
            ['pending_approval', 3],
            ['rejected', 3],
        ] as const);
        const issuedAt = new Date(Date.UTC(2025, 0, 1) + random.int(0, 700 * 86_400) * 1000);
        values.push(i + 2, 1, refundAmount, reason, bool(received(reason)), orderTotal);
        values.push(
            random.weighted([
                ['USD', 40],
                ['EUR', 30],
                ['RUB', 20],
                ['JPY', 10],
            ] as const)
        );
        values.push(
            outcomeOf(refundAmount, orderTotal),
            bool(false),
            'For the buyer.',
            'For the seller.',
            '[]'
        );
        const issued = status === 'issued' || status === 'overturned';
        values.push(status, issued ? toDbTimestamp(issuedAt) : null, toDbTimestamp(issuedAt));
    }
    await writeTransaction(ctx.dataSource, (tx) => insertFlat(tx, 'decision', COLUMNS, values));
});
afterAll(() => ctx?.close());

interface PgPlanNode {
    'Node Type': string;
    'Index Name'?: string;
    'Scan Direction'?: string;
    'Index Cond'?: string;
    Plans?: PgPlanNode[];
}

function pgNodes(node: PgPlanNode): PgPlanNode[] {
    return [node, ...(node.Plans ?? []).flatMap(pgNodes)];
}

async function sqlitePlan(): Promise<string[]> {
    const [sql, params] = precedentQuery(SUBJECT, DEFAULT_POLICY);
    const rows = (await ctx.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[];
    return rows.map((row) => row.detail);
}

async function postgresPlan(): Promise<PgPlanNode[]> {
    const [sql, params] = precedentQuery(SUBJECT, DEFAULT_POLICY);
    const [row] = (await ctx.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as {
        'QUERY PLAN': [{ Plan: PgPlanNode }];
    }[];
    return pgNodes(row['QUERY PLAN'][0].Plan);
}

async function expectSqliteWalk(): Promise<void> {
    for (const analyzed of [false, true]) {
        if (analyzed) await ctx.dataSource.query('ANALYZE');
        const plan = (await sqlitePlan()).join('\n');

        expect(plan, `analyzed: ${analyzed}`).toMatch(
            /SEARCH decision USING INDEX IDX_decision_precedent \(reason=\? AND goodsReceived=\? AND currency=\? AND status=\?/
        );
        // The index gives the order: no sort of every matching row before the LIMIT.
        expect(plan, `analyzed: ${analyzed}`).not.toMatch(/TEMP B-TREE/);
        expect(plan.split('\n'), `analyzed: ${analyzed}`).toHaveLength(1);
    }
}

async function expectPostgresWalk(): Promise<void> {
    await ctx.dataSource.query('ANALYZE "decision"');
    const nodes = await postgresPlan();

    const scans = nodes.filter((n) => n['Index Name'] === 'IDX_decision_precedent');
    expect(
        scans.map((n) => [n['Node Type'], n['Scan Direction'], n['Index Cond']]),
        JSON.stringify(nodes)
    ).toEqual([['Index Scan', 'Backward', expect.stringMatching(/reason.*goodsReceived.*status.*issuedAt/)]]);
    const types = nodes.map((n) => n['Node Type']);
    expect(types[0]).toBe('Limit');
    // At most the tie-break on id among rows of one issuedAt: never a sort of every match.
    expect(types).not.toContain('Sort');
    expect(types).not.toContain('Seq Scan');
    expect(types).not.toContain('Bitmap Heap Scan');
}

describe('the precedent query plan', () => {
    it(`walks IDX_decision_precedent newest first and stops at the limit (${dbKind})`, async () => {
        if (dbKind === 'postgres') await expectPostgresWalk();
        else await expectSqliteWalk();
    });

    it('answers the 20 newest matching rows, as the plan promises', async () => {
        const [sql, params] = precedentQuery(SUBJECT, DEFAULT_POLICY);
        const rows = (await ctx.dataSource.query(sql, params)) as {
            currency: string;
            orderTotal: number;
            issuedAt: unknown;
        }[];

        expect(rows).toHaveLength(20);
        for (const row of rows) {
            expect(row.currency).toBe('USD');
            expect(Number(row.orderTotal)).toBeGreaterThanOrEqual(5_000);
            expect(Number(row.orderTotal)).toBeLessThanOrEqual(15_000);
        }
        const times = rows.map((row) => Date.parse(fromDbTimestamp(row.issuedAt) as string));
        expect(times).toEqual([...times].sort((a, b) => b - a));
    });
});
