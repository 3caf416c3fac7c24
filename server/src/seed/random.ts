import { DAY_MS, HOUR_MS } from '../../../shared/policy';

/** A small seeded PRNG (mulberry32): the same seed gives the same data set on every run. */
export class Random {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** Uniform in [0, 1). */
    next(): number {
        let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** Integer in [min, max], both inclusive. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    /** Real number in [min, max). */
    real(min: number, max: number): number {
        return min + this.next() * (max - min);
    }

    chance(probability: number): boolean {
        return this.next() < probability;
    }

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }

    /** Picks by weight: `[[value, weight], …]`. */
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
        const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
        let roll = this.next() * total;
        for (const [value, weight] of entries) {
            roll -= weight;
            if (roll < 0) return value;
        }
        return entries[entries.length - 1][0];
    }

    shuffle<T>(items: readonly T[]): T[] {
        const copy = [...items];
        for (let i = copy.length - 1; i > 0; i--) {
            const j = Math.floor(this.next() * (i + 1));
            [copy[i], copy[j]] = [copy[j], copy[i]];
        }
        return copy;
    }

    /** A time span in milliseconds between the given numbers of days. */
    days(min: number, max: number): number {
        return Math.round(this.real(min, max) * DAY_MS);
    }

    hours(min: number, max: number): number {
        return Math.round(this.real(min, max) * HOUR_MS);
    }

    /** Upper-case letters and digits, e.g. for tracking numbers. */
    code(length: number, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'): string {
        let text = '';
        for (let i = 0; i < length; i++) text += alphabet[Math.floor(this.next() * alphabet.length)];
        return text;
    }
}

/** Round-robin over a shuffled list, so that any run of `items.length` draws covers every item. */
export class Cycle<T> {
    private queue: T[] = [];

    constructor(
        private readonly random: Random,
        private readonly items: readonly T[]
    ) {}

    next(): T {
        if (this.queue.length === 0) this.queue = this.random.shuffle(this.items);
        return this.queue.pop() as T;
    }
}
