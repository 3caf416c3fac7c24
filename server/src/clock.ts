/** Where the server reads the time, so that tests and timers can move it. */
export interface Clock {
    now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move. */
export class ManualClock implements Clock {
    private current: number;

    constructor(start: Date | string = new Date()) {
        this.current = new Date(start).getTime();
    }

    now(): Date {
        return new Date(this.current);
    }

    set(to: Date | string): void {
        this.current = new Date(to).getTime();
    }

    advance(ms: number): void {
        this.current += ms;
    }
}
