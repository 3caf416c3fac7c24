import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { JobLease } from '../entities';

/** Who this process is when it holds a job lease. */
export const PROCESS_HOLDER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Claims (or extends) the lease of a job until `now + ttlMs`: taken when nobody holds it, it has
 * expired, or this holder already has it. A conditional UPDATE decides, so two processes never
 * both hold it.
 */
export function claimLease(
    dataSource: DataSource,
    name: string,
    holder: string,
    now: Date,
    ttlMs: number
): Promise<boolean> {
    return writeTransaction(dataSource, async (manager) => {
        await manager
            .createQueryBuilder()
            .insert()
            .into(JobLease)
            .values({ name, holder: null, leaseUntil: null, lastRunAt: null })
            .orIgnore()
            .execute();
        const result = await manager
            .createQueryBuilder()
            .update(JobLease)
            .set({ holder, leaseUntil: new Date(now.getTime() + ttlMs) })
            .where('"name" = :name', { name })
            .andWhere('("leaseUntil" IS NULL OR "leaseUntil" < :now OR "holder" = :holder)', {
                now: toDbTimestamp(now),
                holder,
            })
            .execute();
        return result.affected === 1;
    });
}

/** Gives the lease up (when this holder still has it) and records when the job last ran. */
export async function releaseLease(dataSource: DataSource, name: string, holder: string, now: Date) {
    await writeTransaction(dataSource, (manager) =>
        manager
            .createQueryBuilder()
            .update(JobLease)
            .set({ holder: null, leaseUntil: null, lastRunAt: now })
            .where('"name" = :name AND "holder" = :holder', { name, holder })
            .execute()
    );
}
