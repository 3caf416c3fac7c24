import { createHash } from 'node:crypto';
import { TEST_NOW } from './testApp';

/** Time and uniqueness helpers shared by the factories. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** TEST_NOW moved by this many days (negative: in the past). */
export function daysFromNow(days: number): Date {
    return new Date(TEST_NOW.getTime() + days * DAY);
}

export function plusDays(date: Date, days: number): Date {
    return new Date(date.getTime() + days * DAY);
}

let sequence = 0;

/** A number unique within the test file, for external ids, emails and names. */
export function nextSequence(): number {
    return ++sequence;
}

/** A creation time a day before TEST_NOW, one second later for every record built. */
export function stamp(): Date {
    return new Date(TEST_NOW.getTime() - DAY + nextSequence() * 1000);
}

export function fakeSha256(seed: string): string {
    return createHash('sha256').update(seed).digest('hex');
}
