/**
 * The delivery worker: claims due outbox events with a lease, sends each (webhookSend.ts) outside
 * any transaction, and records every attempt while the lease is still its own.
 */
import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import type { AppContext } from '../appContext';
import type { WebhookConfig } from '../config';
import { dbKind, sqlParam, toDbTimestamp } from '../db/dbKind';
import { writeTransaction } from '../db/transaction';
import { OutboxEvent, WebhookDelivery } from '../entities';
import { PROCESS_HOLDER } from '../jobs/jobLease';
import { nextRetryAt } from './retrySchedule';
import { sendOnce, type AttemptResult } from './webhookSend';

/** Time an attempt must still have on its lease beyond the timeout to be started at all. */
const LEASE_MARGIN_MS = 1000;

export interface DrainOptions {
    /** Who claims the events: each worker its own name. */
    holder: string;
    /** The jitter of retry delays (tests pin it). */
    random?: () => number;
    /** Asked before each attempt: once true, the rest of the claimed events are given back unsent. */
    stopping?: () => boolean;
}

export interface DrainReport {
    claimed: number;
    delivered: number;
    retried: number;
    dead: number;
    /** Claimed but given back unsent (stopping, or too little lease left). */
    abandoned: number;
    /** Sent, but the lease had passed to another worker: the result was not written. */
    lost: number;
}

/**
 * Due events, oldest first: pending, their time come, not leased, and first in line of their
 * dispute (no earlier event of the same dispute still pending; dead-lettered ones do not block).
 */
function dueEventsSql(): string {
    const now = sqlParam(1);
    return `SELECT e.id FROM outbox_event e
        WHERE e.status = 'pending' AND e."nextAttemptAt" <= ${now}
          AND (e."leaseUntil" IS NULL OR e."leaseUntil" < ${sqlParam(2)})
          AND (e."disputeId" IS NULL OR NOT EXISTS (
              SELECT 1 FROM outbox_event p
              WHERE p."disputeId" = e."disputeId" AND p.id < e.id AND p.status = 'pending'))
        ORDER BY e."nextAttemptAt", e.id
        LIMIT ${sqlParam(3)}${dbKind === 'postgres' ? ' FOR UPDATE OF e SKIP LOCKED' : ''}`;
}

/**
 * Claims up to `limit` due events for `holder` until `now + leaseMs`, in one short transaction.
 * PostgreSQL: the rows are locked (others skip them) while the lease is written; SQLite: the
 * process's transactions take turns, and the UPDATE re-checks the lease anyway.
 */
export async function claimDueEvents(
    dataSource: DataSource,
    holder: string,
    now: Date,
    limit: number,
    leaseMs: number
): Promise<OutboxEvent[]> {
    const until = new Date(now.getTime() + leaseMs);
    return writeTransaction(dataSource, async (tx) => {
        const at = toDbTimestamp(now);
        const rows = (await tx.query(dueEventsSql(), [at, at, limit])) as { id: number | string }[];
        if (rows.length === 0) return [];
        const ids = rows.map((row) => Number(row.id));
        await tx
            .createQueryBuilder()
            .update(OutboxEvent)
            .set({ leaseHolder: holder, leaseUntil: until })
            .where({ id: In(ids) })
            .andWhere(`status = 'pending' AND ("leaseUntil" IS NULL OR "leaseUntil" < :now)`, { now: at })
            .execute();
        return tx
            .getRepository(OutboxEvent)
            .find({ where: { id: In(ids), leaseHolder: holder }, order: { id: 'ASC' } });
    });
}

type Outcome = 'delivered' | 'retried' | 'dead' | 'lost';

interface Attempted {
    event: OutboxEvent;
    result: AttemptResult;
    /** When the attempt ended: retries are scheduled from here. */
    endedAt: Date;
}

/**
 * Writes attempts' results in one short transaction, each only while `holder` still holds its
 * event: a worker whose lease passed to another never writes a result twice.
 */
async function recordAttempts(
    dataSource: DataSource,
    webhook: WebhookConfig,
    holder: string,
    attempted: Attempted[],
    random: () => number
): Promise<Outcome[]> {
    return writeTransaction(dataSource, async (tx) => {
        const outcomes: Outcome[] = [];
        const deliveries: Omit<WebhookDelivery, 'id'>[] = [];
        for (const { event, result, endedAt } of attempted) {
            const attempts = event.attempts + 1;
            const retryAt = result.ok ? null : nextRetryAt(webhook.retrySeconds, attempts, endedAt, random);
            const outcome: Outcome = result.ok ? 'delivered' : retryAt ? 'retried' : 'dead';
            const released = { attempts, leaseHolder: null, leaseUntil: null };
            const change =
                outcome === 'delivered'
                    ? { ...released, status: 'delivered' as const, deliveredAt: endedAt, lastError: null }
                    : outcome === 'retried'
                      ? { ...released, nextAttemptAt: retryAt!, lastError: result.error }
                      : { ...released, status: 'dead' as const, lastError: result.error };
            const update = await tx
                .createQueryBuilder()
                .update(OutboxEvent)
                .set(change)
                .where(`id = :id AND "leaseHolder" = :holder AND status = 'pending'`, {
                    id: event.id,
                    holder,
                })
                .execute();
            if (update.affected !== 1) {
                outcomes.push('lost');
                continue;
            }
            outcomes.push(outcome);
            deliveries.push({
                outboxEventId: event.id,
                attempt: attempts,
                responseStatus: result.responseStatus,
                error: result.error,
                responseBody: result.responseBody,
                durationMs: result.durationMs,
                attemptedAt: result.attemptedAt,
            });
        }
        if (deliveries.length) await tx.getRepository(WebhookDelivery).insert(deliveries);
        return outcomes;
    });
}

/**
 * Collects finished attempts and writes them together: while one transaction runs, the results
 * that arrive meanwhile wait for the next (on SQLite the writer is one connection for everyone).
 */
class ResultWriter {
    private queue: Attempted[] = [];
    private flushing: Promise<void> | null = null;
    private readonly written: Promise<void>[] = [];

    constructor(
        private readonly write: (attempted: Attempted[]) => Promise<Outcome[]>,
        private readonly report: DrainReport
    ) {}

    add(attempted: Attempted): void {
        this.queue.push(attempted);
        if (!this.flushing) this.written.push((this.flushing = this.flush()));
    }

    private async flush(): Promise<void> {
        while (this.queue.length) {
            const batch = this.queue.splice(0);
            try {
                for (const outcome of await this.write(batch)) this.report[outcome]++;
            } catch (err) {
                // The leases run out and the events are tried again: at least once, never lost.
                console.error(`[outbox] could not record ${batch.length} attempt(s):`, err);
            }
        }
        this.flushing = null;
    }

    async settled(): Promise<void> {
        await Promise.all(this.written);
    }
}

/** Gives claimed events back without an attempt: due again at once, for any worker. */
async function releaseClaims(dataSource: DataSource, holder: string, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await writeTransaction(dataSource, (tx) =>
        tx
            .createQueryBuilder()
            .update(OutboxEvent)
            .set({ leaseHolder: null, leaseUntil: null })
            .where({ id: In(ids) })
            .andWhere(`"leaseHolder" = :holder AND status = 'pending'`, { holder })
            .execute()
    );
}

/** Runs `fn` over `items`, at most `concurrency` at a time. */
async function inParallel<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
    let next = 0;
    const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
        while (next < items.length) await fn(items[next++]);
    });
    await Promise.all(lanes);
}

/**
 * One round of delivery at the time of `context.clock`: claims a batch of due events (at most one
 * per dispute, see dueEventsSql), sends them, different disputes in parallel, and records each
 * attempt. With no MARKETPLACE_WEBHOOK_URL it does nothing: the events stay pending.
 */
export async function drainOnce(context: AppContext, options: DrainOptions): Promise<DrainReport> {
    const { dataSource, clock } = context;
    const webhook = context.config.webhook;
    const report: DrainReport = { claimed: 0, delivered: 0, retried: 0, dead: 0, abandoned: 0, lost: 0 };
    if (!webhook.url) return report;
    const random = options.random ?? Math.random;
    const leaseMs = webhook.leaseSeconds * 1000;
    const events = await claimDueEvents(dataSource, options.holder, clock.now(), webhook.batchSize, leaseMs);
    report.claimed = events.length;
    const abandoned: number[] = [];
    const results = new ResultWriter(
        (attempted) => recordAttempts(dataSource, webhook, options.holder, attempted, random),
        report
    );
    await inParallel(events, webhook.concurrency, async (event) => {
        const at = clock.now();
        // Never start an attempt that could outlive the lease: another worker could send it too.
        const leaseLeft = event.leaseUntil!.getTime() - at.getTime();
        if (options.stopping?.() || leaseLeft < webhook.timeoutMs + LEASE_MARGIN_MS) {
            abandoned.push(event.id);
            return;
        }
        const result = await sendOnce(webhook, event, at);
        results.add({ event, result, endedAt: clock.now() });
    });
    await results.settled();
    await releaseClaims(dataSource, options.holder, abandoned);
    report.abandoned = abandoned.length;
    return report;
}

export interface DeliveryWorker {
    readonly holder: string;
    /** Claims nothing more, gives back what it has not started, and waits for attempts in flight. */
    stop(): Promise<void>;
}

/** A worker name unique to this process and instance. */
export function workerHolder(): string {
    return `${PROCESS_HOLDER}:outbox-${randomUUID().slice(0, 8)}`;
}

/**
 * Delivers continuously: a round right after a round that found work, otherwise after
 * WEBHOOK_POLL_MS. Stops cleanly (SIGTERM): no new claims, no attempt started after stop().
 */
export function startDeliveryWorker(
    context: AppContext,
    options: Partial<DrainOptions> = {}
): DeliveryWorker {
    const holder = options.holder ?? workerHolder();
    let stopping = false;
    let wake: () => void = () => undefined;
    const idle = () =>
        new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, context.config.webhook.pollMs);
            wake = () => {
                clearTimeout(timer);
                resolve();
            };
        });
    const loop = (async () => {
        while (!stopping) {
            let claimed = 0;
            try {
                const report = await drainOnce(context, { ...options, holder, stopping: () => stopping });
                claimed = report.claimed;
            } catch (err) {
                console.error('[outbox] delivery round failed:', err);
            }
            if (!stopping && claimed === 0) await idle();
        }
    })();
    return {
        holder,
        async stop() {
            stopping = true;
            wake();
            await loop;
        },
    };
}
