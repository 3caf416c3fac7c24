import type { DataSource } from 'typeorm';
import type { DisputeStatus } from '../../../shared/domain';
import type { Config } from '../config';
import { writeTransaction } from '../db/transaction';
import { systemActor, type DisputeActor } from '../disputes/disputeActor';
import { Buyer, Dispute, Staff } from '../entities';
import { storageFromConfig } from '../storage';
import { DemoData } from './demoData';
import type { DemoActors } from './demoLifecycle';
import { buildStaff, planDisputes } from './demoPlan';
import { playScenarios } from './demoScenarios';
import { FileLibrary } from './files';
import { Random } from './random';
import { insertRows, syncSequences } from '../db/sqlInsert';
import { flagReason } from './texts';
import { rebuildRatings } from '../parties/ratingsRebuild';
import { rebuildDailyStats } from '../dashboard/statsRebuild';

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

function partyActor(kind: 'buyer' | 'seller'): DisputeActor {
    return {
        kind,
        staffId: null,
        audit: { actorId: null, actorRole: `marketplace:${kind}`, requestId: null, ip: null },
    };
}

function demoActors(staff: readonly Staff[]): DemoActors {
    const byId = new Map<number, DisputeActor>(
        staff.map((member) => [
            member.id,
            {
                kind: 'staff',
                staffId: member.id,
                staff: member,
                audit: { actorId: member.id, actorRole: member.role, requestId: null, ip: null },
            },
        ])
    );
    return {
        buyer: partyActor('buyer'),
        seller: partyActor('seller'),
        marketplace: {
            kind: 'system',
            staffId: null,
            audit: { actorId: null, actorRole: 'marketplace', requestId: null, ip: null },
        },
        system: systemActor,
        staff(id) {
            const actor = byId.get(id);
            if (!actor) throw new Error(`No demo staff member #${id}`);
            return actor;
        },
    };
}

/**
 * Writes the demo data set: staff and the marketplace's parties first, then every dispute played
 * through the domain's own operations at simulated past times (each in its own transaction), so
 * that its timeline, audit trail, SLA figures, refunds and outbox are those the real rules leave.
 */
export async function seedDemo(
    dataSource: DataSource,
    config: Config,
    now = new Date()
): Promise<DemoSummary> {
    const random = new Random(DEMO_SEED);
    const data = new DemoData();
    await data.reserveIds(dataSource);
    const staff = await buildStaff(data, now);
    const slots = planDisputes(data, random, now);
    // Blocked buyers were blocked after the disputes they opened (a blocked buyer cannot open one).
    const blocked = data.buyers.filter((buyer) => buyer.blocked).map((buyer) => ({ ...buyer }));
    await writeTransaction(dataSource, async (tx) => {
        await insertRows(tx, DemoData.TABLES.staff, data.staff);
        await insertRows(
            tx,
            DemoData.TABLES.buyers,
            data.buyers.map((buyer) => ({ ...buyer, blocked: false, blockReason: null }))
        );
        await insertRows(tx, DemoData.TABLES.sellers, data.sellers);
        await syncSequences(tx, Object.values(DemoData.TABLES));
    });
    const files = await new FileLibrary(storageFromConfig(config)).load();
    const actors = demoActors(data.staff);
    await playScenarios(
        dataSource,
        { data, random, now, policy: config.policy, staff, actors, files },
        slots
    );
    await writeTransaction(dataSource, async (tx) => {
        await insertRows(tx, 'message', data.messages);
        // Each story wrote its own attachments (its rulings cite them).
        await syncSequences(tx, ['message', 'attachment']);
        for (const buyer of data.buyers) {
            const block = blocked.find((b) => b.id === buyer.id);
            await tx.getRepository(Buyer).update(
                { id: buyer.id },
                {
                    // The outcome counters are the domain's, moved by every ruling.
                    ordersCount: buyer.disputesCount + random.int(2, 150),
                    flagReason: buyer.flagged ? flagReason(buyer.disputesCount) : null,
                    ...(block ? { blocked: true, blockReason: block.blockReason } : {}),
                }
            );
        }
    });
    // Scores, rates and flags from the counters as they now stand (shared/reputation.ts).
    await rebuildRatings(dataSource, config.policy, now);
    await rebuildDailyStats(dataSource);
    return summarize(dataSource, data);
}

async function summarize(dataSource: DataSource, data: DemoData): Promise<DemoSummary> {
    const rows = (await dataSource
        .getRepository(Dispute)
        .createQueryBuilder('dispute')
        .select('dispute.status', 'status')
        .addSelect('COUNT(*)', 'n')
        .groupBy('dispute.status')
        .getRawMany()) as { status: DisputeStatus; n: unknown }[];
    const byStatus: DemoSummary['byStatus'] = {};
    let disputes = 0;
    for (const row of rows) {
        byStatus[row.status] = Number(row.n);
        disputes += Number(row.n);
    }
    return {
        staff: data.staff.length,
        buyers: data.buyers.length,
        sellers: data.sellers.length,
        orders: disputes,
        disputes,
        byStatus,
        attachments: data.attachments.length,
    };
}
