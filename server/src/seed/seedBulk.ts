import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { bulkBuyers, bulkSellers, planBulk, type BulkPlan } from './bulkParties';
import {
    BULK_KINDS,
    DISPUTE_COLUMNS,
    ORDER_COLUMNS,
    pushBulkRows,
    type BulkBatch,
    type BulkDispute,
} from './bulkRows';
import { DECISION_COLUMNS } from './bulkDecisions';
import { openBulkWriter, type BulkWriter } from '../db/bulkWriter';
import { rebuildRatings } from '../parties/ratingsRebuild';
import { rebuildDailyStats } from '../dashboard/statsRebuild';
import { Progress } from './progress';
import { Random } from './random';
import { nextId, rowsPerStatement, syncSequences, toSqlValue, type SqlValue } from '../db/sqlInsert';

export interface BulkOptions {
    now?: Date;
    seed?: number;
    /** Show a progress bar on stderr (default true). */
    progress?: boolean;
}

export interface BulkSummary {
    disputes: number;
    buyers: number;
    sellers: number;
    seconds: number;
}

async function writeObjects<T extends object>(writer: BulkWriter, table: string, rows: readonly T[]) {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]) as (keyof T & string)[];
    const per = rowsPerStatement(columns.length);
    for (let start = 0; start < rows.length; start += per) {
        const chunk = rows.slice(start, start + per);
        const values: SqlValue[] = [];
        for (const row of chunk) for (const column of columns) values.push(toSqlValue(row[column]));
        await writer.insert(table, columns, chunk.length, values);
    }
}

const BULK_TABLES = ['buyer', 'seller', 'order', 'dispute', 'decision'];

interface Ids {
    buyer: number;
    seller: number;
    order: number;
    dispute: number;
    decision: number;
}

/** Writes the orders, disputes and rulings; building a batch overlaps with the database writing the last one. */
async function writeDisputes(
    writer: BulkWriter,
    random: Random,
    config: Config,
    plan: BulkPlan,
    ids: Ids,
    staff: { mediators: number[]; supervisors: number[] },
    now: Date,
    progress: Progress | null
) {
    const { mediators, supervisors } = staff;
    let nextDecisionId = ids.decision;
    const count = plan.buyerOf.length;
    const batch = rowsPerStatement(DISPUTE_COLUMNS.length);
    // Two batches in flight: SQLite executes one while the next is generated and bound.
    const inFlight: { rows: number; done: Promise<unknown> }[] = [];
    const settle = async () => {
        const oldest = inFlight.shift();
        if (!oldest) return;
        await oldest.done;
        progress?.tick(oldest.rows);
    };
    for (let from = 0; from < count; from += batch) {
        const to = Math.min(count, from + batch);
        const batchRows: BulkBatch = { orders: [], disputes: [], decisions: [], nextDecisionId };
        for (let i = from; i < to; i++) {
            const buyer = plan.buyerOf[i];
            const d: BulkDispute = {
                orderId: ids.order + i,
                disputeId: ids.dispute + i,
                buyerId: ids.buyer + buyer,
                sellerId: ids.seller + plan.sellerOf[i],
                currency: plan.countries[buyer].currency,
                country: plan.countries[buyer].country,
                kind: BULK_KINDS[plan.kindOf[i]],
                assigneeId: mediators.length ? mediators[i % mediators.length] : null,
                approverId: supervisors.length ? supervisors[i % supervisors.length] : null,
            };
            pushBulkRows(random, now.getTime(), config.policy, d, batchRows);
        }
        const { orders, disputes, decisions } = batchRows;
        const decisionCount = batchRows.nextDecisionId - nextDecisionId;
        nextDecisionId = batchRows.nextDecisionId;
        if (inFlight.length >= 2) await settle();
        const done = Promise.all([
            writer.insert('order', ORDER_COLUMNS, to - from, orders),
            writer.insert('dispute', DISPUTE_COLUMNS, to - from, disputes),
            decisionCount > 0
                ? writer.insert('decision', DECISION_COLUMNS, decisionCount, decisions)
                : undefined,
        ]);
        done.catch(() => undefined); // reported when awaited in turn, not as an unhandled rejection
        inFlight.push({ rows: to - from, done });
    }
    while (inFlight.length > 0) await settle();
}

async function timed<T>(label: string, show: boolean, step: () => Promise<T>): Promise<T> {
    const started = Date.now();
    if (show) process.stderr.write(`${label} ... `);
    try {
        const result = await step();
        if (show) process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        return result;
    } catch (error) {
        if (show) process.stderr.write('failed\n');
        throw error;
    }
}

/**
 * Adds `count` disputes (one order each) with their own pools of buyers and sellers, for benchmarks:
 * raw multi-row INSERTs with bound parameters in large transactions; no messages or attachments.
 */
export async function seedBulk(
    dataSource: DataSource,
    config: Config,
    count: number,
    options: BulkOptions = {}
): Promise<BulkSummary> {
    const started = Date.now();
    const now = options.now ?? new Date();
    const random = new Random(options.seed ?? 42);
    const buyerCount = Math.min(100_000, Math.max(100, Math.round(count / 10)));
    const sellerCount = Math.min(10_000, Math.max(20, Math.round(count / 100)));
    const ids: Ids = {
        buyer: await nextId(dataSource, 'buyer'),
        seller: await nextId(dataSource, 'seller'),
        order: await nextId(dataSource, 'order'),
        dispute: await nextId(dataSource, 'dispute'),
        decision: await nextId(dataSource, 'decision'),
    };
    const staffIds = async (role: string) =>
        (
            (await dataSource.query(`SELECT id FROM staff WHERE role = '${role}' ORDER BY id`)) as {
                id: number;
            }[]
        ).map((row) => Number(row.id));
    const staff = { mediators: await staffIds('mediator'), supervisors: await staffIds('supervisor') };
    const plan = planBulk(random, count, buyerCount, sellerCount);
    const show = options.progress !== false;
    const writer = await openBulkWriter(dataSource);
    try {
        // One transaction: the load, indexes included, happens completely or not at all.
        await writer.begin();
        const indexes = await writer.dropIndexes(BULK_TABLES);
        await writeObjects(writer, 'buyer', bulkBuyers(random, now, plan, ids.buyer));
        await writeObjects(writer, 'seller', bulkSellers(random, now, plan, ids.seller));
        const progress = show ? new Progress(count, 'Seeding disputes') : null;
        await writeDisputes(writer, random, config, plan, ids, staff, now, progress);
        progress?.finish();
        await timed(`Rebuilding ${indexes.length} indexes`, show, async () => {
            for (const sql of indexes) await writer.run(sql);
        });
        await timed('Committing', show, () => writer.commit());
    } catch (error) {
        await writer.rollback();
        if (show) process.stderr.write('Rolled back: the database is as it was before.\n');
        throw error;
    } finally {
        await timed('Checkpoint and statistics', show, () => writer.close());
    }
    await syncSequences(dataSource, BULK_TABLES);
    // Scores, rates, recent disputes and flags from the counters just written (shared/reputation.ts).
    await timed('Computing ratings', show, () => rebuildRatings(dataSource, config.policy, now));
    await timed('Computing dashboard aggregates', show, () => rebuildDailyStats(dataSource));
    return {
        disputes: count,
        buyers: buyerCount,
        sellers: sellerCount,
        seconds: (Date.now() - started) / 1000,
    };
}
