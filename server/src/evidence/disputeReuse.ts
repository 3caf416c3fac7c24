import type { EntityManager } from 'typeorm';
import type { AppContext } from '../appContext';
import { sqlParam } from '../db/dbKind';
import { readsOf } from '../db/readers';
import type { Attachment } from '../entities';
import { findReuse } from './reuse';

/** Disputes looked up together: keeps the reuse probes' IN lists small on a 1,000-row export page. */
const BATCH = 50;

type DisputeFile = Pick<Attachment, 'id' | 'disputeId' | 'sha256' | 'dhash'>;

/**
 * The files of these disputes, with what the reuse probes need (IDX on attachment.disputeId):
 * fixed SQL, since it runs on every page of the queue and building it costs more than running it.
 */
export function disputeAttachmentsStatement(disputeIds: number[]): [string, number[]] {
    const marks = disputeIds.map((_, i) => sqlParam(i + 1)).join(', ');
    return [
        `SELECT "id", "disputeId", "sha256", "dhash" FROM "attachment" WHERE "disputeId" IN (${marks})`,
        disputeIds,
    ];
}

async function disputeFiles(manager: EntityManager, disputeIds: number[]): Promise<DisputeFile[]> {
    const rows = (await manager.query(...disputeAttachmentsStatement(disputeIds))) as DisputeFile[];
    return rows.map((row) => ({ ...row, id: Number(row.id), disputeId: Number(row.disputeId) }));
}

/**
 * `reusedEvidenceIn` on dispute records (the queue's warning): the other disputes, ascending, that
 * hold a copy of one of the dispute's files or a near-identical picture. Indexed lookups only: the
 * page's attachments by dispute, then the same SHA-256 and dHash-band probes as an attachment's
 * `reusedIn` — never a scan of all evidence.
 */
export async function withDisputeReuse(
    context: AppContext,
    records: Record<string, unknown>[]
): Promise<void> {
    const manager = readsOf(context.dataSource).manager;
    for (let start = 0; start < records.length; start += BATCH) {
        const batch = records.slice(start, start + BATCH);
        const ids = batch.map((record) => Number(record.id));
        const rows = await disputeFiles(manager, ids);
        const reuse = await findReuse(manager, rows, context.config.policy.reuseHammingThreshold);
        const others = new Map<number, Set<number>>();
        for (const row of rows) {
            for (const match of reuse.get(row.id) ?? []) {
                const set = others.get(row.disputeId) ?? new Set<number>();
                others.set(row.disputeId, set.add(match.disputeId));
            }
        }
        for (const record of batch) {
            record.reusedEvidenceIn = [...(others.get(Number(record.id)) ?? [])].sort((a, b) => a - b);
        }
    }
}
