/**
 * The dashboard's maintained aggregates: `daily_stat` rows keyed by metric, UTC day and up to two
 * dimensions, each holding a count and an amount. Writers add deltas to the transaction they run
 * in; the deltas are merged and written just before that transaction commits, in one fixed key
 * order, so that concurrent transactions on PostgreSQL take the (few, hot) rows' locks in the same
 * order and for the shortest time: no deadlock between them, whatever order their changes ran in.
 */
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { sqlParam } from '../db/dbKind';

export const STAT_METRICS = [
    /** Disputes in platform review (escalated … pending approval): ±1, amount ± escalatedAt (s). */
    'queue',
    /** SLA breaches: dim1 `target` or `hard`. */
    'sla_breach',
    /** How disputes ended: dim1 reason, dim2 outcome (ruling outcome or resolution); ±1. */
    'outcome',
    /** Rulings issued: dim1 mediator id. */
    'ruling',
    /** Refunds requested / paid / newly overdue: dim1 currency, amount in minor units. */
    'refund_requested',
    'refund_paid',
    'refund_overdue',
    /** Overdue refunds still unpaid: ±1 and ± amount, dim1 currency. */
    'refund_overdue_open',
] as const;
export type StatMetric = (typeof STAT_METRICS)[number];

export interface StatDelta {
    metric: StatMetric;
    day: string;
    dim1?: string;
    dim2?: string;
    count: number;
    amount?: number;
}

/** The UTC day of a point in time, as stored: `YYYY-MM-DD`. */
export function dayOf(at: Date | string): string {
    return new Date(at).toISOString().slice(0, 10);
}

/** Whole seconds since the epoch (what the queue's age sums hold). */
export function epochSeconds(at: Date | string): number {
    return Math.floor(new Date(at).getTime() / 1000);
}

type Merged = Map<string, Required<StatDelta>>;

function keyOf(delta: Required<StatDelta>): string {
    return [delta.metric, delta.day, delta.dim1, delta.dim2].join('\u0000');
}

/** Adds deltas into a map keyed by row. */
export function mergeDeltas(into: Merged, deltas: readonly StatDelta[]): Merged {
    for (const delta of deltas) {
        const full = { dim1: '', dim2: '', amount: 0, ...delta };
        const key = keyOf(full);
        const known = into.get(key);
        if (known) {
            known.count += full.count;
            known.amount += full.amount;
        } else {
            into.set(key, { ...full });
        }
    }
    return into;
}

const ROWS_PER_STATEMENT = 100;

/** Adds merged deltas to their rows (created when missing), in key order. */
export async function writeDeltas(
    manager: Pick<EntityManager, 'query'>,
    merged: Merged,
    mode: 'add' | 'set' = 'add'
): Promise<void> {
    const rows = [...merged.entries()]
        .filter(([, row]) => row.count !== 0 || row.amount !== 0)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, row]) => row);
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => {
            const first = values.length;
            values.push(row.metric, row.day, row.dim1, row.dim2, row.count, row.amount);
            return `(${[1, 2, 3, 4, 5, 6].map((n) => sqlParam(first + n)).join(', ')})`;
        });
        const update =
            mode === 'add'
                ? 'DO UPDATE SET "count" = "daily_stat"."count" + excluded."count", ' +
                  '"amount" = "daily_stat"."amount" + excluded."amount"'
                : 'DO UPDATE SET "count" = excluded."count", "amount" = excluded."amount"';
        await manager.query(
            `INSERT INTO "daily_stat" ("metric", "day", "dim1", "dim2", "count", "amount")
             VALUES ${tuples.join(', ')}
             ON CONFLICT ("metric", "day", "dim1", "dim2") ${update}`,
            values
        );
    }
}

/** Deltas waiting for their transaction's commit, by the query runner that runs it. */
const pending = new WeakMap<QueryRunner, Merged>();
const flushing = new WeakSet<DataSource>();

/** Writes a transaction's deltas just before it commits (TypeORM awaits this hook). */
class StatsFlush implements EntitySubscriberInterface {
    async beforeTransactionCommit(event: { queryRunner: QueryRunner }): Promise<void> {
        const merged = pending.get(event.queryRunner);
        if (!merged) return;
        pending.delete(event.queryRunner);
        await writeDeltas(event.queryRunner, merged);
    }

    afterTransactionRollback(event: { queryRunner: QueryRunner }): void {
        pending.delete(event.queryRunner);
    }

    beforeTransactionStart(event: { queryRunner: QueryRunner }): void {
        // SQLite reuses one query runner: nothing of an earlier transaction may carry over.
        if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
    }
}

/**
 * Adds deltas to the aggregates as part of the caller's transaction (written at its commit,
 * dropped with its rollback); outside a transaction they are written at once.
 */
export async function addStats(manager: EntityManager, deltas: readonly StatDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
        await writeDeltas(manager, mergeDeltas(new Map(), deltas));
        return;
    }
    const dataSource = manager.connection;
    if (!flushing.has(dataSource)) {
        flushing.add(dataSource);
        dataSource.subscribers.push(new StatsFlush());
    }
    let merged = pending.get(runner);
    if (!merged) pending.set(runner, (merged = new Map()));
    mergeDeltas(merged, deltas);
}
