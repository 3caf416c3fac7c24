import type { DataSource } from 'typeorm';
import type { DisputeStatus } from '../../../shared/domain';
import type { Config } from '../config';
import { writeTransaction } from '../db/transaction';
import { Staff } from '../entities';
import { storageFromConfig } from '../storage';
import { DemoData } from './demoData';
import type { DemoContext } from './demoLifecycle';
import { buildStaff, planDisputes } from './demoPlan';
import { playScenarios } from './demoScenarios';
import { FileLibrary } from './files';
import { Random } from './random';
import { insertRows, syncSequences } from './sqlInsert';
import { flagReason } from './texts';

/** Same seed, same data set: the demo is reproducible; only its dates follow `now`. */
const DEMO_SEED = 20_251_126;

export interface DemoSummary {
    staff: number;
    buyers: number;
    sellers: number;
    orders: number;
    disputes: number;
    byStatus: Partial<Record<DisputeStatus, number>>;
    attachments: number;
}

/** Seeds the demo data set on first start, when no staff exist yet. */
export async function seedDemoIfEmpty(dataSource: DataSource, config: Config): Promise<DemoSummary | null> {
    if ((await dataSource.getRepository(Staff).count()) > 0) return null;
    const summary = await seedDemo(dataSource, config);
    console.log(`Seeded the demo data set: ${summary.disputes} disputes, ${summary.staff} staff accounts`);
    return summary;
}

/** Writes the demo data set: staff, parties, orders, and disputes in every state with their history. */
export async function seedDemo(
    dataSource: DataSource,
    config: Config,
    now = new Date()
): Promise<DemoSummary> {
    const random = new Random(DEMO_SEED);
    const data = new DemoData();
    await data.reserveIds(dataSource);
    const ctx: DemoContext = {
        data,
        random,
        now,
        policy: config.policy,
        staff: await buildStaff(data, now),
        files: await new FileLibrary(storageFromConfig(config)).load(),
    };
    await playScenarios(ctx, planDisputes(data, random, now));
    for (const buyer of data.buyers) {
        buyer.ordersCount = buyer.disputesCount + random.int(2, 150);
        if (buyer.flagged) buyer.flagReason = flagReason(buyer.disputesCount);
    }
    await writeTransaction(dataSource, async (manager) => {
        for (const [key, table] of Object.entries(DemoData.TABLES) as [
            keyof typeof DemoData.TABLES,
            string,
        ][]) {
            await insertRows<object>(manager, table, data[key]);
        }
        await syncSequences(manager, Object.values(DemoData.TABLES));
    });
    const byStatus: DemoSummary['byStatus'] = {};
    for (const dispute of data.disputes) byStatus[dispute.status] = (byStatus[dispute.status] ?? 0) + 1;
    return {
        staff: data.staff.length,
        buyers: data.buyers.length,
        sellers: data.sellers.length,
        orders: data.orders.length,
        disputes: data.disputes.length,
        byStatus,
        attachments: data.attachments.length,
    };
}
