/** How far a delay may move either way, so that events failing together do not retry together. */
export const RETRY_JITTER = 0.2;

/**
 * When to try again after the `attempts`-th failed attempt (1-based): the matching delay of the
 * schedule, ±20 %; null once the schedule is used up (the event is dead-lettered).
 */
export function nextRetryAt(
    schedule: readonly number[],
    attempts: number,
    now: Date,
    random: () => number = Math.random
): Date | null {
    if (attempts < 1 || attempts > schedule.length) return null;
    const jitter = 1 - RETRY_JITTER + 2 * RETRY_JITTER * random();
    return new Date(now.getTime() + Math.round(schedule[attempts - 1] * 1000 * jitter));
}
