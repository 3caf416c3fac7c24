import { deflateSync } from 'node:zlib';
import type { Random } from './random';

export type Rgb = readonly [number, number, number];
export type Point = readonly [number, number];

/** A tiny RGB raster with just enough drawing to make recognisable evidence photos. */
export class Canvas {
    readonly pixels: Uint8Array;

    constructor(
        readonly width: number,
        readonly height: number
    ) {
        this.pixels = new Uint8Array(width * height * 3);
    }

    set(x: number, y: number, [r, g, b]: Rgb): void {
        if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
        const i = (y * this.width + x) * 3;
        this.pixels[i] = r;
        this.pixels[i + 1] = g;
        this.pixels[i + 2] = b;
    }

    /** Vertical gradient from `top` to `bottom` over the rows [y0, y1). */
    gradient(top: Rgb, bottom: Rgb, y0 = 0, y1 = this.height): void {
        for (let y = y0; y < y1; y++) {
            const t = (y - y0) / Math.max(1, y1 - y0 - 1);
            const color: Rgb = [0, 1, 2].map((c) => Math.round(top[c] + (bottom[c] - top[c]) * t)) as never;
            for (let x = 0; x < this.width; x++) this.set(x, y, color);
        }
    }

    rect(x: number, y: number, w: number, h: number, color: Rgb): void {
        for (let j = Math.max(0, y); j < Math.min(this.height, y + h); j++) {
            for (let i = Math.max(0, x); i < Math.min(this.width, x + w); i++) this.set(i, j, color);
        }
    }

    /** Filled polygon, even-odd rule, by scanlines. */
    polygon(points: readonly Point[], color: Rgb): void {
        const ys = points.map((p) => p[1]);
        const top = Math.max(0, Math.floor(Math.min(...ys)));
        const bottom = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
        for (let y = top; y <= bottom; y++) {
            const yc = y + 0.5;
            const xs: number[] = [];
            for (let k = 0; k < points.length; k++) {
                const [x0, y0] = points[k];
                const [x1, y1] = points[(k + 1) % points.length];
                if (y0 <= yc !== y1 <= yc) xs.push(x0 + ((yc - y0) / (y1 - y0)) * (x1 - x0));
            }
            xs.sort((a, b) => a - b);
            for (let k = 0; k + 1 < xs.length; k += 2) {
                for (let x = Math.round(xs[k]); x < Math.round(xs[k + 1]); x++) this.set(x, y, color);
            }
        }
    }

    circle(cx: number, cy: number, radius: number, color: Rgb, inner = 0): void {
        for (let y = Math.floor(cy - radius); y <= Math.ceil(cy + radius); y++) {
            for (let x = Math.floor(cx - radius); x <= Math.ceil(cx + radius); x++) {
                const d = Math.hypot(x - cx, y - cy);
                if (d <= radius && d >= inner) this.set(x, y, color);
            }
        }
    }

    line(x0: number, y0: number, x1: number, y1: number, width: number, color: Rgb): void {
        const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
        for (let s = 0; s <= steps; s++) {
            const x = x0 + ((x1 - x0) * s) / steps;
            const y = y0 + ((y1 - y0) * s) / steps;
            this.circle(x, y, width / 2, color);
        }
    }

    /** Photo-like grain. */
    noise(random: Random, amount: number): void {
        for (let i = 0; i < this.pixels.length; i++) {
            const v = this.pixels[i] + Math.round((random.next() - 0.5) * 2 * amount);
            this.pixels[i] = v < 0 ? 0 : v > 255 ? 255 : v;
        }
    }

    toPng(): Buffer {
        return encodePng(this.width, this.height, this.pixels);
    }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});

function crc32(data: Buffer): number {
    let c = 0xffffffff;
    for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
}

/** An 8-bit truecolour PNG (colour type 2), rows unfiltered, compressed with zlib. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 2, 0, 0, 0], 8);
    const stride = width * 3;
    const raw = Buffer.alloc((stride + 1) * height);
    for (let y = 0; y < height; y++) {
        raw[y * (stride + 1)] = 0;
        raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    }
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header),
        chunk('IDAT', deflateSync(raw, { level: 9 })),
        chunk('IEND', Buffer.alloc(0)),
    ]);
}
