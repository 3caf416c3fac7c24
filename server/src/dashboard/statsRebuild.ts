/**
 * The dashboard's aggregates computed again from the stored rows, in one transaction: for the
 * seeds (the bulk seed writes rows directly, never through the recorder), after a migration, or by
 * an operator (`npx tsx server/src/dashboard/statsRebuildCli.ts`). It reads each table once with
 * GROUP BY queries; a request never does this.
 *
 * From rows alone the history is what the timestamps tell: a dispute is in the queue from its
 * escalation until its ruling (or withdrawal), and its SLA breaches are the ones its row still
 * shows. An overturned ruling's earlier stint is therefore seen as one stay in the queue; the live
 * path (disputeStats.ts) counts it as it happened.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { dbKind } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { mergeDeltas, writeDeltas, type StatDelta, type StatMetric } from './dailyStats';
import { QUEUE_STATUSES } from './disputeStats';

/** The UTC day of a timestamp column, as `daily_stat.day` holds it. */
function day(column: string): string {
    return dbKind === 'postgres'
        ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`
        : `substr(${column}, 1, 10)`;
}

/** Whole seconds since the epoch of a timestamp column. */
function epoch(column: string): string {
    return dbKind === 'postgres'
        ? `CAST(FLOOR(EXTRACT(EPOCH FROM ${column})) AS bigint)`
        : `CAST(strftime('%s', ${column}) AS INTEGER)`;
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const QUEUED = list(QUEUE_STATUSES);
const SINCE = 'COALESCE(d."escalatedAt", d."openedAt")';
const ENTERED = `(d."escalatedAt" IS NOT NULL OR d."status" IN (${QUEUED}))`;

interface Source {
    metric: StatMetric;
    /** Selects `day`, `dim1`, `dim2`, `count`, `amount`, grouped. */
    sql: string;
    sign?: 1 | -1;
}

const SOURCES: Source[] = [
    {
        metric: 'queue',
        sql: `SELECT ${day(SINCE)} AS "day", '' AS "dim1", '' AS "dim2", COUNT(*) AS "count",
                SUM(${epoch(SINCE)}) AS "amount"
              FROM "dispute" d WHERE ${ENTERED} GROUP BY 1`,
    },
    {
        metric: 'queue',
        sign: -1,
        sql: `SELECT ${day('COALESCE(d."decidedAt", d."closedAt", d."updatedAt")')} AS "day", '' AS "dim1",
                '' AS "dim2", COUNT(*) AS "count", SUM(${epoch(SINCE)}) AS "amount"
              FROM "dispute" d WHERE ${ENTERED} AND d."status" NOT IN (${QUEUED}) GROUP BY 1`,
    },
    {
        metric: 'outcome',
        sql: `SELECT ${day('d."decidedAt"')} AS "day", d."reason" AS "dim1", dec."outcome" AS "dim2",
                COUNT(*) AS "count", 0 AS "amount"
              FROM "dispute" d JOIN "decision" dec ON dec."disputeId" = d."id" AND dec."status" = 'issued'
              WHERE d."status" IN ('decided', 'closed') AND d."decidedAt" IS NOT NULL
              GROUP BY 1, 2, 3`,
    },
    {
        metric: 'outcome',
        sql: `SELECT ${day('COALESCE(d."closedAt", d."updatedAt")')} AS "day", d."reason" AS "dim1",
                d."resolution" AS "dim2", COUNT(*) AS "count", 0 AS "amount"
              FROM "dispute" d WHERE d."status" IN ('resolved', 'withdrawn') AND d."resolution" IS NOT NULL
              GROUP BY 1, 2, 3`,
    },
    {
        metric: 'ruling',
        sql: `SELECT ${day('dec."issuedAt"')} AS "day", CAST(dec."mediatorId" AS varchar(40)) AS "dim1",
                '' AS "dim2", COUNT(*) AS "count", 0 AS "amount"
              FROM "decision" dec WHERE dec."issuedAt" IS NOT NULL AND dec."status" IN ('issued', 'overturned')
              GROUP BY 1, 2`,
    },
    ...(['target', 'hard'] as const).map((kind): Source => ({
        metric: 'sla_breach',
        sql: `SELECT ${day(`d."${kind === 'target' ? 'slaTargetBreachedAt' : 'slaHardBreachedAt'}"`)} AS "day",
                    '${kind}' AS "dim1", '' AS "dim2", COUNT(*) AS "count", 0 AS "amount"
                  FROM "dispute" d WHERE d."${kind === 'target' ? 'slaTargetBreachedAt' : 'slaHardBreachedAt'}" IS NOT NULL
                  GROUP BY 1`,
    })),
    ...(
        [
            ['refund_requested', 'requestedAt', 1, ''],
            ['refund_paid', 'completedAt', 1, ''],
            ['refund_overdue', 'overdueAt', 1, ''],
            ['refund_overdue_open', 'overdueAt', 1, ''],
            ['refund_overdue_open', 'completedAt', -1, 'AND r."overdueAt" IS NOT NULL'],
        ] as const
    ).map(([metric, column, sign, also]): Source => ({
        metric,
        sign,
        sql: `SELECT ${day(`r."${column}"`)} AS "day", r."currency" AS "dim1", '' AS "dim2",
                    COUNT(*) AS "count", SUM(r."amount") AS "amount"
                  FROM "refund" r WHERE r."${column}" IS NOT NULL ${also} GROUP BY 1, 2`,
    })),
];

interface Row {
    day: string;
    dim1: unknown;
    dim2: unknown;
    count: unknown;
    amount: unknown;
}

/** Empties the aggregates and fills them again from the data, inside the caller's transaction. */
export async function rebuildDailyStatsIn(manager: EntityManager): Promise<number> {
    await manager.query('DELETE FROM "daily_stat"');
    const merged = new Map();
    for (const source of SOURCES) {
        const rows = (await manager.query(source.sql)) as Row[];
        const sign = source.sign ?? 1;
        const deltas: StatDelta[] = rows.map((row) => ({
            metric: source.metric,
            day: row.day,
            dim1: String(row.dim1 ?? ''),
            dim2: String(row.dim2 ?? ''),
            count: sign * Number(row.count),
            amount: sign * Number(row.amount ?? 0),
        }));
        mergeDeltas(merged, deltas);
    }
    await writeDeltas(manager, merged, 'set');
    return merged.size;
}

/** Rebuilds the dashboard's aggregates in one transaction; returns how many rows they hold. */
export function rebuildDailyStats(dataSource: DataSource): Promise<number> {
    return writeTransaction(dataSource, rebuildDailyStatsIn);
}
