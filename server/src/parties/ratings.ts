/**
 * The maintained figures of the parties' ratings. Counters move with the change they count (the
 * recorder's `counters`, see ratingCounters.ts); after any of them moved, the party's score and
 * dispute rate are computed again in the same transaction. What depends on time as well (the
 * recent disputes, the frequent-disputer flag) is computed at opening and by the ratings timer
 * at `ratingsDueAt`, when the oldest dispute of a window leaves it.
 */
import type { EntityManager } from 'typeorm';
import { addDays, type Policy } from '../../../shared/policy';
import {
    buyerScore,
    disputeRatePermille,
    frequentDisputer,
    sellerScore,
    type BuyerFigures,
    type SellerFigures,
} from '../../../shared/reputation';
import { fromDbTimestamp, toDbTimestamp } from '../db/dbKind';
import { Buyer, Dispute, Seller } from '../entities';
import type { CounterChange } from '../disputes/recorder';

const figure = (value: number | undefined) => value ?? 0;

function buyerFigures(buyer: Buyer, disputes90dCount = figure(buyer.disputes90dCount)): BuyerFigures {
    return {
        ordersCount: buyer.ordersCount,
        disputesCount: buyer.disputesCount,
        disputes90dCount,
        disputesPartialCount: buyer.disputesPartialCount,
        disputesLostCount: buyer.disputesLostCount,
        escalationsCount: figure(buyer.escalationsCount),
        penaltyCount: buyer.penaltyCount,
    };
}

function sellerFigures(seller: Seller): SellerFigures {
    return {
        ordersCount: seller.ordersCount,
        disputesCount: seller.disputesCount,
        disputesLostCount: seller.disputesLostCount,
        disputesPartialCount: seller.disputesPartialCount,
        sellerTimeoutCount: figure(seller.sellerTimeoutCount),
        offersAcceptedCount: figure(seller.offersAcceptedCount),
    };
}

/** The stored score and rate of a buyer whose counters are as given. */
export function buyerRating(buyer: Buyer, disputes90dCount?: number) {
    const figures = buyerFigures(buyer, disputes90dCount);
    return {
        score: buyerScore(figures),
        disputeRatePermille: disputeRatePermille(figures.disputesCount, figures.ordersCount),
    };
}

export function sellerRating(seller: Seller) {
    const figures = sellerFigures(seller);
    return {
        score: sellerScore(figures),
        disputeRatePermille: disputeRatePermille(figures.disputesCount, figures.ordersCount),
    };
}

/** A buyer's disputes in the two windows, and when the oldest of each leaves it. */
export interface BuyerWindows {
    recent: number;
    inWindow: number;
    /** The next time either count drops; null when both are 0. */
    dueAt: Date | null;
}

/** The windows of a buyer from rows of its disputes (`createdAt` of each). */
export async function buyerWindows(
    manager: EntityManager,
    policy: Policy,
    buyerId: number,
    now: Date
): Promise<BuyerWindows> {
    const recentFrom = addDays(now, -policy.ratingRecentDays);
    const windowFrom = addDays(now, -policy.frequentDisputerWindowDays);
    const row = (await manager
        .getRepository(Dispute)
        .createQueryBuilder('d')
        .select('COUNT(CASE WHEN d.createdAt > :recentFrom THEN 1 END)', 'recent')
        .addSelect('COUNT(CASE WHEN d.createdAt > :windowFrom THEN 1 END)', 'inWindow')
        .addSelect('MIN(CASE WHEN d.createdAt > :recentFrom THEN d.createdAt END)', 'recentOldest')
        .addSelect('MIN(CASE WHEN d.createdAt > :windowFrom THEN d.createdAt END)', 'windowOldest')
        .where('d.buyerId = :buyerId', { buyerId })
        .setParameters({ recentFrom: toDbTimestamp(recentFrom), windowFrom: toDbTimestamp(windowFrom) })
        .getRawOne()) as Record<string, unknown>;
    const leaves = (oldest: unknown, days: number) => {
        const iso = fromDbTimestamp(oldest);
        return iso === null ? null : addDays(new Date(iso), days).getTime();
    };
    const due = [
        leaves(row.recentOldest, policy.ratingRecentDays),
        leaves(row.windowOldest, policy.frequentDisputerWindowDays),
    ].filter((t): t is number => t !== null);
    return {
        recent: Number(row.recent),
        inWindow: Number(row.inWindow),
        dueAt: due.length ? new Date(Math.min(...due)) : null,
    };
}

/**
 * Every figure of a buyer computed again from its row and its disputes: the recent disputes,
 * score, rate and flag, and when to look again. Returns whether the flag changed.
 */
export async function refreshBuyer(
    manager: EntityManager,
    policy: Policy,
    buyerId: number,
    now: Date
): Promise<boolean> {
    const buyer = await manager.getRepository(Buyer).findOneBy({ id: buyerId });
    if (!buyer) return false;
    const windows = await buyerWindows(manager, policy, buyerId, now);
    const flag = frequentDisputer(
        {
            ordersCount: buyer.ordersCount,
            disputesCount: buyer.disputesCount,
            disputesInWindow: windows.inWindow,
        },
        policy
    );
    await manager.getRepository(Buyer).update(
        { id: buyerId },
        {
            disputes90dCount: windows.recent,
            ...buyerRating(buyer, windows.recent),
            flagged: flag.flagged,
            flagReason: flag.reason,
            ratingsDueAt: windows.dueAt,
        }
    );
    return flag.flagged !== buyer.flagged;
}

/** A seller's score and rate computed again; nothing of a seller's depends on time. */
export async function refreshSeller(manager: EntityManager, sellerId: number): Promise<void> {
    const seller = await manager.getRepository(Seller).findOneBy({ id: sellerId });
    if (!seller) return;
    await manager
        .getRepository(Seller)
        .update({ id: sellerId }, { ...sellerRating(seller), ratingsDueAt: null });
}

/** After counters moved: the score and rate of each party they touched. */
export async function rescoreParties(
    manager: EntityManager,
    counters: readonly CounterChange[]
): Promise<void> {
    const seen = new Set<string>();
    for (const { entity, id } of counters) {
        const key = `${entity === Buyer ? 'buyer' : 'seller'}:${id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (entity === Buyer) {
            const buyer = await manager.getRepository(Buyer).findOneBy({ id });
            if (buyer) await manager.getRepository(Buyer).update({ id }, buyerRating(buyer));
        } else {
            const seller = await manager.getRepository(Seller).findOneBy({ id });
            if (seller) await manager.getRepository(Seller).update({ id }, sellerRating(seller));
        }
    }
}

/**
 * The order counts the marketplace sent with an opening (this order included), where they are
 * above what the desk counted itself; the seller's score follows (the buyer's is refreshed next).
 */
export async function raiseOrdersCounts(
    manager: EntityManager,
    parties: { buyerId: number; sellerId: number },
    snapshot: { buyer: { ordersCount?: number }; seller: { ordersCount?: number } }
): Promise<void> {
    const raise = (entity: typeof Buyer | typeof Seller, id: number, count: number | undefined) =>
        count === undefined
            ? undefined
            : manager
                  .createQueryBuilder()
                  .update(entity)
                  .set({ ordersCount: count })
                  .where('id = :id AND "ordersCount" < :count', { id, count })
                  .execute();
    await raise(Buyer, parties.buyerId, snapshot.buyer.ordersCount);
    if (snapshot.seller.ordersCount !== undefined) {
        await raise(Seller, parties.sellerId, snapshot.seller.ordersCount);
        await refreshSeller(manager, parties.sellerId);
    }
}
