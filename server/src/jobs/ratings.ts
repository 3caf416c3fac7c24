import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { Buyer, Seller } from '../entities';
import { refreshBuyer, refreshSeller } from '../parties/ratings';
import { idsOf, type Job, type JobRun } from './job';

/** Parties whose `ratingsDueAt` has come: a dispute left one of their windows (parties/ratings.ts). */
function findDue(entity: EntityTarget<ObjectLiteral>, run: JobRun, afterId: number, limit: number) {
    return run.context.dataSource
        .getRepository(entity)
        .createQueryBuilder('party')
        .select('party.id', 'id')
        .where('party.ratingsDueAt <= :now', { now: toDbTimestamp(run.now) })
        .andWhere('party.id > :afterId', { afterId })
        .orderBy('party.id', 'ASC')
        .limit(limit)
        .getRawMany()
        .then(idsOf);
}

/** Recent disputes, score and frequent-disputer flag of buyers whose disputes age out of a window. */
export const buyerRatingsJob: Job = {
    name: 'buyer_ratings',
    findDue: (run, afterId, limit) => findDue(Buyer, run, afterId, limit),
    apply: (run, id) =>
        writeTransaction(run.context.dataSource, async (tx) => {
            const buyer = await tx.getRepository(Buyer).findOneBy({ id });
            if (!buyer?.ratingsDueAt || buyer.ratingsDueAt > run.now) return false;
            await refreshBuyer(tx, run.policy, id, run.now);
            return true;
        }),
};

/** Score and rate of sellers marked due (after the migration that introduced them). */
export const sellerRatingsJob: Job = {
    name: 'seller_ratings',
    findDue: (run, afterId, limit) => findDue(Seller, run, afterId, limit),
    apply: (run, id) =>
        writeTransaction(run.context.dataSource, async (tx) => {
            const seller = await tx.getRepository(Seller).findOneBy({ id });
            if (!seller?.ratingsDueAt || seller.ratingsDueAt > run.now) return false;
            await refreshSeller(tx, id);
            return true;
        }),
};
