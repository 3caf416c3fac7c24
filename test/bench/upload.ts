/**
 * A party's video upload through the integration API, streamed to disk: throughput, the server's
 * peak RSS growth while it streams, and `cp` of the same file on the same disk in the same run as
 * the reference (targets: RSS growth < 64 MB, ≥ 100 MB/s on loopback and ≥ 0.5× cp); then 1,000
 * Range requests for random 1 MB slices of the stored video (target p95 < 10 ms).
 * BENCH_UPLOAD_MB sets the size (default 500, the video limit); BENCH_RANGES the range requests.
 * Runs on SQLite in its own data directory (data/bench-upload), seeded with the demo data. The
 * client is this process: the upload streams the file from disk in one multipart request, and the
 * range requests go one at a time over one keep-alive connection, each answer read whole.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ms, serverArgs, signIn, summary } from './benchSupport';

const MB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_UPLOAD_MB ?? 500) * MB;
const RANGES = Number(process.env.BENCH_RANGES ?? 1000);
const DATA_DIR = path.resolve(process.env.BENCH_UPLOAD_DATA_DIR ?? 'data/bench-upload');
const API_KEY = 'bench-integration-key';

/** A valid MP4 start (ftyp box) and one mdat box of zeros up to `size` bytes, written to `file`. */
async function writeVideo(file: string, size: number): Promise<void> {
    const ftyp = Buffer.concat([
        Buffer.from([0, 0, 0, 0x18]),
        Buffer.from('ftypisom'),
        Buffer.from([0, 0, 2, 0]),
        Buffer.from('isomiso2'),
    ]);
    const mdat = Buffer.alloc(8);
    mdat.writeUInt32BE(size - ftyp.length, 0);
    mdat.write('mdat', 4);
    const zeros = Buffer.alloc(MB);
    async function* chunks() {
        yield Buffer.concat([ftyp, mdat]);
        let left = size - ftyp.length - mdat.length;
        while (left > 0) {
            const n = Math.min(left, zeros.length);
            yield n === zeros.length ? zeros : zeros.subarray(0, n);
            left -= n;
        }
    }
    await pipeline(chunks, fs.createWriteStream(file));
}

async function freePort(): Promise<number> {
    return new Promise((resolve) => {
        const server = net.createServer().listen(0, () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
    });
}

function rssBytes(pid: number): number {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/**
 * POST the file as multipart/form-data from disk (never in memory); resolves with status and body.
 * The file is read into two reused 1 MB buffers, each written again once the socket has taken it:
 * a read stream allocates 1 MB per read, and collecting 500 of them cost this process more CPU than
 * the reads and writes themselves, on the two cores the server runs on too.
 */
async function upload(
    url: string,
    disputeId: number,
    file: string
): Promise<{ status: number; body: string }> {
    // As long as the boundaries clients send (a browser's 38 characters, curl's 40 and more).
    const boundary = `----DisputeDeskBench${randomBytes(8).toString('hex')}`;
    const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="party"\r\n\r\nbuyer\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="unboxing.mp4"\r\n` +
            'Content-Type: video/mp4\r\n\r\n'
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const size = fs.statSync(file).size;
    const req = http.request(`${url}/integration/v1/disputes/${disputeId}/attachments`, {
        method: 'POST',
        headers: {
            Authorization: `Bearer ${API_KEY}`,
            'Idempotency-Key': `bench-upload-${Date.now()}`,
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
            'Content-Length': String(head.length + size + tail.length),
        },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        req.on('response', (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
    });
    const written = (chunk: Buffer) =>
        new Promise<void>((resolve, reject) =>
            req.write(chunk, (error) => (error ? reject(error) : resolve()))
        );
    const source = await fs.promises.open(file, 'r');
    try {
        const buffers = [Buffer.allocUnsafe(MB), Buffer.allocUnsafe(MB)];
        const inFlight: Promise<void>[] = [written(head), Promise.resolve()];
        for (let i = 0, position = 0; position < size; i++) {
            const buffer = buffers[i % 2];
            await inFlight[i % 2];
            const { bytesRead } = await source.read(buffer, 0, Math.min(MB, size - position), position);
            if (bytesRead === 0) throw new Error('the video ended before its size');
            position += bytesRead;
            inFlight[i % 2] = written(buffer.subarray(0, bytesRead));
        }
        await Promise.all(inFlight);
        req.end(tail);
    } catch (error) {
        req.destroy(error as Error);
    } finally {
        await source.close();
    }
    return answered;
}

/**
 * GETs with a Range header, one at a time on one keep-alive HTTP/1.1 connection, each answer read
 * whole into one reused buffer and checked (status, Content-Length). The client must not be what is
 * measured: node:http allocates every 64 KB it reads, and 1 GB of that made the bench process's own
 * garbage collector the slowest part of a request.
 */
type Answer = { status: number; length: number };

class RangeClient {
    private readonly socket: net.Socket;
    private readonly buffer = Buffer.allocUnsafe(MB);
    private head = '';
    private bodyLeft = 0;
    private answer: Answer | null = null;
    private waiting: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | null = null;

    constructor(port: number) {
        this.socket = net.connect({
            port,
            host: '127.0.0.1',
            onread: { buffer: this.buffer, callback: (n) => this.read(n) },
        });
        const fail = (error: Error) => this.waiting?.reject(error);
        this.socket.on('error', fail);
        this.socket.on('close', () => fail(new Error('the connection closed before the answer')));
    }

    get(path: string, headers: Record<string, string>): Promise<Answer> {
        const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
        this.socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${lines.join('')}\r\n`);
        return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
    }

    private read(n: number): boolean {
        if (this.answer) {
            this.bodyLeft -= n;
        } else {
            this.head += this.buffer.toString('latin1', 0, n);
            const end = this.head.indexOf('\r\n\r\n');
            if (end < 0) return true;
            const length = /\r\ncontent-length: *(\d+)/i.exec(this.head.slice(0, end));
            if (!length) return this.fail('an answer without Content-Length');
            this.answer = { status: Number(this.head.slice(9, 12)), length: Number(length[1]) };
            this.bodyLeft = this.answer.length - (this.head.length - end - 4);
            this.head = '';
        }
        if (this.bodyLeft < 0) return this.fail('more bytes than the Content-Length');
        if (this.bodyLeft === 0 && this.answer) {
            const answer = this.answer;
            this.answer = null;
            this.waiting?.resolve(answer);
        }
        return true;
    }

    private fail(message: string): boolean {
        this.socket.destroy(new Error(message));
        return false;
    }

    close(): void {
        this.socket.removeAllListeners('close');
        this.socket.destroy();
    }
}

async function main() {
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
    fs.mkdirSync(DATA_DIR, { recursive: true });
    const video = path.join(DATA_DIR, 'bench-video.mp4');
    await writeVideo(video, SIZE);

    const port = await freePort();
    const child = spawn(process.execPath, serverArgs(), {
        env: {
            ...process.env,
            DATA_DIR,
            DATABASE_URL: '',
            PORT: String(port),
            JOBS_INTERVAL_SECONDS: '0',
            INTEGRATION_API_KEY: API_KEY,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}`;
    try {
        for (let i = 0; i < 1200; i++) {
            try {
                if ((await fetch(`${url}/health`)).ok) break;
            } catch {
                // not listening yet
            }
            await new Promise((r) => setTimeout(r, 100));
        }
        const session = await signIn(url, 'mediator@example.com', 'dispute-desk-demo');
        const filter = encodeURIComponent(JSON.stringify({ status: ['in_review', 'escalated'] }));
        const disputes = (await (
            await fetch(`${url}/api/disputes?filter=${filter}&range=[0,0]`, {
                headers: { Cookie: session.cookie },
            })
        ).json()) as { id: number }[];
        if (!disputes.length) throw new Error('no demo dispute in review to upload to');

        // Reference: cp of the same file on the same disk, just before the upload (the server idle).
        const copy = path.join(DATA_DIR, 'bench-video-copy.mp4');
        const cpStarted = performance.now();
        if (spawnSync('cp', [video, copy]).status !== 0) throw new Error('cp failed');
        spawnSync('sync');
        const cpSeconds = (performance.now() - cpStarted) / 1000;
        fs.rmSync(copy);
        spawnSync('sync');

        const pid = child.pid!;
        // Settle the server's heap before the baseline.
        await new Promise((r) => setTimeout(r, 500));
        const baseline = rssBytes(pid);
        let peak = baseline;
        const sampler = setInterval(() => {
            peak = Math.max(peak, rssBytes(pid));
        }, 10);
        const started = performance.now();
        const answer = await upload(url, disputes[0].id, video);
        const seconds = (performance.now() - started) / 1000;
        clearInterval(sampler);
        peak = Math.max(peak, rssBytes(pid));
        if (answer.status !== 201) throw new Error(`upload answered ${answer.status}: ${answer.body}`);
        const [stored] = JSON.parse(answer.body) as { id: number; size: number }[];
        if (stored.size !== SIZE) throw new Error(`stored ${stored.size} bytes of ${SIZE}`);

        const mbps = SIZE / MB / seconds;
        const cpMbps = SIZE / MB / cpSeconds;
        console.log(
            `[upload] ${(SIZE / MB).toFixed(0)} MB video through POST /integration/v1/disputes/:id/attachments`
        );
        console.log(`[upload]   ${seconds.toFixed(2)} s = ${mbps.toFixed(0)} MB/s (target ≥ 100 MB/s)`);
        console.log(`[upload]   cp of the same file: ${cpSeconds.toFixed(2)} s = ${cpMbps.toFixed(0)} MB/s`);
        console.log(`[upload]   ratio upload / cp: ${(mbps / cpMbps).toFixed(2)} (target ≥ 0.5)`);
        console.log(
            `[upload]   server RSS ${(baseline / MB).toFixed(0)} MB → peak ${(peak / MB).toFixed(0)} MB: growth ` +
                `${((peak - baseline) / MB).toFixed(1)} MB (target < 64 MB)`
        );

        // The video at rest, as a reviewer meets it: its pages written back before the reads begin
        // (the kernel flushing 500 MB of fresh writes would otherwise compete with the reads).
        spawnSync('sync');
        const client = new RangeClient(port);
        const content = `/api/attachments/${stored.id}/content`;
        const samples: number[] = [];
        for (let i = 0; i < RANGES; i++) {
            const start = Math.floor(Math.random() * (SIZE - MB));
            const t = performance.now();
            const answer = await client.get(content, {
                Cookie: session.cookie,
                Range: `bytes=${start}-${start + MB - 1}`,
            });
            samples.push(performance.now() - t);
            if (answer.status !== 206 || answer.length !== MB) {
                throw new Error(`range request answered ${answer.status} with ${answer.length} bytes`);
            }
        }
        client.close();
        const { p50, p95, n } = summary(samples);
        console.log(
            `[upload] ${n} Range requests of 1 MB: p50 ${ms(p50)}, p95 ${ms(p95)} (target p95 < 10 ms)`
        );
    } finally {
        await new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
        });
        // The stored copy is as large as the video: nothing of the run is kept.
        fs.rmSync(DATA_DIR, { recursive: true, force: true });
    }
}

await main();
