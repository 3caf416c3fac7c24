import type { AppContext } from '../appContext';
import { autoEscalationJob } from './autoEscalation';
import { evidenceExpiryJob } from './evidenceExpiry';
import { evidenceReminderJob } from './evidenceReminder';
import { runJob, type Job, type JobOutcome } from './job';
import { claimLease, PROCESS_HOLDER, releaseLease } from './jobLease';
import { refundOverdueJob } from './refundOverdue';
import { buyerRatingsJob, sellerRatingsJob } from './ratings';
import { sellerTimeoutJob } from './sellerTimeout';
import { slaHardBreachJob, slaTargetBreachJob } from './slaBreaches';

/** The deadline jobs, in the order they run: a silent seller times out before anything escalates. */
export const DEADLINE_JOBS: readonly Job[] = [
    sellerTimeoutJob,
    autoEscalationJob,
    evidenceExpiryJob,
    evidenceReminderJob,
    slaTargetBreachJob,
    slaHardBreachJob,
    refundOverdueJob,
    buyerRatingsJob,
    sellerRatingsJob,
];

export interface RunOptions {
    /** Who claims the job leases; this process by default. */
    holder?: string;
    batchSize?: number;
    leaseSeconds?: number;
}

export type JobReport = JobOutcome & { status: 'done' | 'skipped' | 'failed' };

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_LEASE_SECONDS = 120;

/**
 * Runs every deadline job once, at the time of `context.clock`. A job whose lease another holder
 * has is skipped; each due row is re-checked in its own transaction, so racing runs never apply a
 * deadline twice.
 */
export async function runDueJobs(
    context: AppContext,
    options: RunOptions = {}
): Promise<Record<string, JobReport>> {
    const { dataSource, clock, config } = context;
    const holder = options.holder ?? PROCESS_HOLDER;
    const leaseMs = (options.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
    const report: Record<string, JobReport> = {};
    for (const job of DEADLINE_JOBS) {
        const leaseName = `deadlines.${job.name}`;
        if (!(await claimLease(dataSource, leaseName, holder, clock.now(), leaseMs))) {
            report[job.name] = { status: 'skipped', applied: 0, failed: 0 };
            continue;
        }
        try {
            const outcome = await runJob(job, {
                context,
                policy: config.policy,
                now: clock.now(),
                batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
                renew: () => claimLease(dataSource, leaseName, holder, clock.now(), leaseMs),
            });
            report[job.name] = { status: 'done', ...outcome };
        } catch (err) {
            console.error(`[jobs] ${job.name} failed:`, err);
            report[job.name] = { status: 'failed', applied: 0, failed: 0 };
        } finally {
            await releaseLease(dataSource, leaseName, holder, clock.now());
        }
    }
    return report;
}

export interface Scheduler {
    /** Stops the timer and waits for a run in progress. */
    stop(): Promise<void>;
}

/** JOBS_INTERVAL_SECONDS: how often the deadline jobs run (default 30; 0 switches them off). */
export function jobsIntervalSeconds(env: NodeJS.ProcessEnv = process.env): number {
    const raw = env.JOBS_INTERVAL_SECONDS;
    if (raw === undefined || raw === '') return 30;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0)
        throw new Error(`JOBS_INTERVAL_SECONDS must be a non-negative integer, got "${raw}"`);
    return value;
}

/** Runs the deadline jobs now and then every `intervalSeconds`, never two runs at once. */
export function startScheduler(
    context: AppContext,
    intervalSeconds: number,
    options: RunOptions = {}
): Scheduler {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const tick = () => {
        running = runDueJobs(context, options)
            .then((report) => {
                const applied = Object.entries(report).filter(([, r]) => r.applied > 0 || r.failed > 0);
                if (applied.length) console.log('[jobs]', Object.fromEntries(applied));
            })
            .catch((err) => console.error('[jobs] run failed:', err))
            .finally(() => {
                if (!stopped) timer = setTimeout(tick, intervalSeconds * 1000);
            });
    };
    timer = setTimeout(tick, 0);
    return {
        async stop() {
            stopped = true;
            clearTimeout(timer);
            await running;
        },
    };
}
