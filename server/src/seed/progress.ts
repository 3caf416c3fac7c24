/** A progress bar on stderr: percentage, rate and ETA; one line per 10 % when stderr is not a terminal. */
export class Progress {
    private done = 0;
    private readonly started = Date.now();
    private lastDraw = 0;
    private lastDecile = 0;

    constructor(
        private readonly total: number,
        private readonly label: string,
        private readonly stream: NodeJS.WriteStream = process.stderr
    ) {}

    tick(count: number): void {
        this.done = Math.min(this.total, this.done + count);
        if (this.stream.isTTY) {
            const now = Date.now();
            if (now - this.lastDraw >= 100 || this.done === this.total) {
                this.lastDraw = now;
                this.stream.write(`\r${this.line(true)}\x1b[K`);
            }
            return;
        }
        const decile = Math.floor((this.done / this.total) * 10);
        if (decile > this.lastDecile) {
            this.lastDecile = decile;
            this.stream.write(`${this.line(false)}\n`);
        }
    }

    finish(): void {
        if (this.stream.isTTY) this.stream.write(`\r${this.line(true)}\x1b[K\n`);
    }

    private line(bar: boolean): string {
        const fraction = this.total === 0 ? 1 : this.done / this.total;
        const seconds = (Date.now() - this.started) / 1000;
        const rate = seconds > 0 ? this.done / seconds : 0;
        const eta = rate > 0 ? (this.total - this.done) / rate : 0;
        const width = 30;
        const filled = Math.round(fraction * width);
        const graphic = bar ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` : '';
        return (
            `${this.label} ${graphic}${(fraction * 100).toFixed(1).padStart(5)}% ` +
            `${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ` +
            `${Math.round(rate).toLocaleString('en-US')} rows/s ETA ${duration(eta)} (elapsed ${duration(seconds)})`
        );
    }
}

export function duration(seconds: number): string {
    const s = Math.max(0, Math.round(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
