import type { EntityManager } from 'typeorm';
import type { DisputeStatus } from '../../../shared/domain';
import { QUEUE_SCOPE } from '../../../shared/queue';
import { HELD_STATUSES, nextStatus } from '../../../shared/lifecycle';
import type { Policy } from '../../../shared/policy';
import { toDbTimestamp } from '../db/dbKind';
import { forUpdate, writesSerialized } from '../db/locks';
import { assertCaseload, claim, lockStaff } from '../disputes/assignments';
import type { DisputeActor } from '../disputes/disputeActor';
import { disputesResource } from '../disputes/disputesResource';
import { recordWrittenTransition } from '../disputes/recorder';
import type { Dispute } from '../entities';
import { filteredQuery } from '../rest/resourceQuery';
import type { QueueFilter } from './queueQuery';

/** The most urgent matching dispute, locked for the claim (rows others are claiming are skipped). */
function mostUrgent(manager: EntityManager, filter: QueueFilter): Promise<Dispute | null> {
    const qb = filteredQuery(manager, disputesResource, filter)
        .orderBy('dispute.slaDueAt', 'ASC')
        .addOrderBy('dispute.id', 'ASC')
        .limit(1);
    return forUpdate(qb, { skipLocked: true, tables: ['dispute'] }).getOne() as Promise<Dispute | null>;
}

/** Claim statements by filter: the same few filters are used all day, and building one costs more than running it. */
const claimStatements = new Map<string, { sql: string; urgentParams: unknown[] }>();
const MAX_CLAIM_STATEMENTS = 100;

/** The claim's SQL for a filter (which depends on nothing else: no clock, no session). */
function claimStatement(manager: EntityManager, filter: QueueFilter) {
    const key = JSON.stringify(filter);
    let statement = claimStatements.get(key);
    if (statement) return statement;
    const [urgentSql, urgentParams] = filteredQuery(manager, disputesResource, filter)
        .select('dispute.id')
        .orderBy('dispute.slaDueAt', 'ASC')
        .addOrderBy('dispute.id', 'ASC')
        .limit(1)
        .getQueryAndParameters();
    const held = HELD_STATUSES.map(() => '?').join(', ');
    // The leading comment makes TypeORM read the RETURNING rows (it runs bare UPDATEs without).
    const sql =
        `/* queue claim */ UPDATE "dispute" SET "status" = ?, "assigneeId" = ?, "assignedAt" = ?, ` +
        `"version" = "version" + 1, "updatedAt" = ? WHERE "id" = (${urgentSql}) AND (SELECT COUNT(*) ` +
        `FROM "dispute" "held" WHERE "held"."assigneeId" = ? AND "held"."status" IN (${held})) < ? ` +
        `RETURNING "id", "version"`;
    if (claimStatements.size >= MAX_CLAIM_STATEMENTS) claimStatements.clear();
    statement = { sql, urgentParams };
    claimStatements.set(key, statement);
    return statement;
}

/**
 * Claims the most urgent matching dispute in one statement, unless the staff member already holds
 * `limit` disputes in review (then nothing is claimed and the caller explains why). For SQLite,
 * where this runs alone in the serialized write transaction and every statement costs throughput.
 */
async function claimInOneStatement(
    manager: EntityManager,
    filter: QueueFilter,
    claim: { to: DisputeStatus; staffId: number; at: Date; limit: number }
): Promise<{ id: number; version: number } | null> {
    const { sql, urgentParams } = claimStatement(manager, filter);
    const when = toDbTimestamp(claim.at);
    const rows = (await manager.query(sql, [
        claim.to,
        claim.staffId,
        when,
        when,
        ...urgentParams,
        claim.staffId,
        ...HELD_STATUSES,
        claim.limit,
    ])) as { id: number; version: number }[];
    return rows[0] ? { id: Number(rows[0].id), version: Number(rows[0].version) } : null;
}

/**
 * Claims the most urgent unassigned dispute matching the queue's filter for the staff member;
 * null when there is none. Where writes are serialized (SQLite) the claim is one statement whose
 * WHERE clause is the queue's (escalated, unassigned), and that before-state goes through the
 * recorder's transitions-table check like any other; elsewhere the row is locked with SKIP LOCKED.
 */
export async function takeNext(
    manager: EntityManager,
    policy: Policy,
    filter: QueueFilter,
    actor: DisputeActor,
    at: Date
): Promise<number | null> {
    const staff = await lockStaff(manager, actor.staffId!, actor.staff);
    if (writesSerialized) {
        const to = nextStatus('pickup', QUEUE_SCOPE)!;
        const limit = policy.maxCasesPerMediator;
        const claimed = await claimInOneStatement(manager, filter, { to, staffId: staff.id, at, limit });
        if (!claimed) {
            await assertCaseload(manager, policy, staff);
            return null;
        }
        const before = { ...QUEUE_SCOPE, id: claimed.id, version: claimed.version - 1 };
        await recordWrittenTransition(
            manager,
            before,
            { assigneeId: staff.id, version: claimed.version },
            'pickup',
            actor,
            { at }
        );
        return claimed.id;
    }
    await assertCaseload(manager, policy, staff);
    const dispute = await mostUrgent(manager, filter);
    return dispute && (await claim(manager, dispute, staff, actor, at)).id;
}
