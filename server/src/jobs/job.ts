import type { Policy } from '../../../shared/policy';
import type { AppContext } from '../appContext';
import { HttpError } from '../http/HttpError';

/** One pass of a job: the time it runs at, how many rows it takes at once, and its lease. */
export interface JobRun {
    context: AppContext;
    policy: Policy;
    now: Date;
    batchSize: number;
    /** Extends the lease before the next batch; false when another process took it over. */
    renew(): Promise<boolean>;
}

/** A deadline: which rows are due, and how one of them is moved on. */
export interface Job {
    name: string;
    /** Ids of the rows due at `run.now` above `afterId`, ascending, at most `limit`. */
    findDue(run: JobRun, afterId: number, limit: number): Promise<number[]>;
    /**
     * Applies the deadline to one row in its own transaction, after re-checking there that it is
     * still due; false when it no longer is (changed meanwhile, or done by another run).
     */
    apply(run: JobRun, id: number): Promise<boolean>;
}

export interface JobOutcome {
    /** Rows the job changed. */
    applied: number;
    /** Rows that failed with an unexpected error; they are tried again on the next run. */
    failed: number;
}

/**
 * Walks the due rows a batch at a time. A row someone else changed meanwhile (409/404) is
 * skipped quietly; any other failure is logged and does not stop the others.
 */
export async function runJob(job: Job, run: JobRun): Promise<JobOutcome> {
    const outcome: JobOutcome = { applied: 0, failed: 0 };
    let afterId = 0;
    for (;;) {
        const ids = await job.findDue(run, afterId, run.batchSize);
        for (const id of ids) {
            try {
                if (await job.apply(run, id)) outcome.applied++;
            } catch (err) {
                if (err instanceof HttpError && (err.status === 409 || err.status === 404)) continue;
                outcome.failed++;
                console.error(`[jobs] ${job.name} failed on ${id}:`, err);
            }
        }
        if (ids.length < run.batchSize || !(await run.renew())) return outcome;
        afterId = ids[ids.length - 1];
    }
}

/** Ids from a raw `SELECT … AS id` query. */
export function idsOf(rows: { id: number | string }[]): number[] {
    return rows.map((row) => Number(row.id));
}
