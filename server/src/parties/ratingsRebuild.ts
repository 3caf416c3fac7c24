/**
 * Every party's derived rating figures computed again, a batch of ids per transaction: for the
 * seeds, which write counters in bulk, and for an operator after changing the policy. The
 * counters themselves are taken as stored.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, type Policy } from '../../../shared/policy';
import { frequentDisputer } from '../../../shared/reputation';
import { dbKind, fromDbTimestamp, toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { Buyer, Dispute, Seller } from '../entities';
import { buyerRating, sellerRating } from './ratings';

const BATCH = 2000;

interface WindowRow {
    buyerId: number | string;
    recent: number | string;
    inWindow: number | string;
    recentOldest: unknown;
    windowOldest: unknown;
}

async function rebuildBuyers(manager: EntityManager, policy: Policy, now: Date, from: number, to: number) {
    const buyers = await manager
        .getRepository(Buyer)
        .createQueryBuilder('b')
        .where('b.id >= :from AND b.id < :to', { from, to })
        .getMany();
    if (buyers.length === 0) return;
    const rows = (await manager
        .getRepository(Dispute)
        .createQueryBuilder('d')
        .select('d.buyerId', 'buyerId')
        .addSelect('COUNT(CASE WHEN d.createdAt > :recentFrom THEN 1 END)', 'recent')
        .addSelect('COUNT(CASE WHEN d.createdAt > :windowFrom THEN 1 END)', 'inWindow')
        .addSelect('MIN(CASE WHEN d.createdAt > :recentFrom THEN d.createdAt END)', 'recentOldest')
        .addSelect('MIN(CASE WHEN d.createdAt > :windowFrom THEN d.createdAt END)', 'windowOldest')
        .where('d.buyerId >= :from AND d.buyerId < :to', { from, to })
        .setParameters({
            recentFrom: toDbTimestamp(addDays(now, -policy.ratingRecentDays)),
            windowFrom: toDbTimestamp(addDays(now, -policy.frequentDisputerWindowDays)),
        })
        .groupBy('d.buyerId')
        .getRawMany()) as WindowRow[];
    const windows = new Map(rows.map((row) => [Number(row.buyerId), row]));
    const leaves = (oldest: unknown, days: number) => {
        const iso = fromDbTimestamp(oldest);
        return iso === null ? Infinity : addDays(new Date(iso), days).getTime();
    };
    for (const buyer of buyers) {
        const row = windows.get(buyer.id);
        const recent = Number(row?.recent ?? 0);
        const due = Math.min(
            leaves(row?.recentOldest, policy.ratingRecentDays),
            leaves(row?.windowOldest, policy.frequentDisputerWindowDays)
        );
        const flag = frequentDisputer(
            {
                ordersCount: buyer.ordersCount,
                disputesCount: buyer.disputesCount,
                disputesInWindow: Number(row?.inWindow ?? 0),
            },
            policy
        );
        await manager.getRepository(Buyer).update(
            { id: buyer.id },
            {
                disputes90dCount: recent,
                ...buyerRating(buyer, recent),
                flagged: flag.flagged,
                flagReason: flag.reason,
                ratingsDueAt: Number.isFinite(due) ? new Date(due) : null,
            }
        );
    }
}

async function rebuildSellers(manager: EntityManager, from: number, to: number) {
    const sellers = await manager
        .getRepository(Seller)
        .createQueryBuilder('s')
        .where('s.id >= :from AND s.id < :to', { from, to })
        .getMany();
    for (const seller of sellers) {
        await manager
            .getRepository(Seller)
            .update({ id: seller.id }, { ...sellerRating(seller), ratingsDueAt: null });
    }
}

async function maxId(dataSource: DataSource, table: 'buyer' | 'seller'): Promise<number> {
    const [row] = (await dataSource.query(`SELECT MAX("id") AS "max" FROM "${table}"`)) as { max: unknown }[];
    return Number(row?.max ?? 0);
}

/** Recomputes the recent disputes, score, rate, flag and next due time of every buyer and seller. */
export async function rebuildRatings(dataSource: DataSource, policy: Policy, now: Date): Promise<void> {
    const buyers = await maxId(dataSource, 'buyer');
    for (let from = 1; from <= buyers; from += BATCH) {
        await writeTransaction(dataSource, (tx) => rebuildBuyers(tx, policy, now, from, from + BATCH));
    }
    const sellers = await maxId(dataSource, 'seller');
    for (let from = 1; from <= sellers; from += BATCH) {
        await writeTransaction(dataSource, (tx) => rebuildSellers(tx, from, from + BATCH));
    }
    // Every row was rewritten: PostgreSQL's planner and index-only scans want the dead rows gone.
    if (dbKind === 'postgres') await dataSource.query('VACUUM (ANALYZE) "buyer", "seller"');
}
