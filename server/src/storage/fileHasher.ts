/**
 * SHA-256 of a file while it is being written, computed on a worker thread from the written bytes.
 * An upload's main thread also reads the socket and parses the multipart body; hashing 500 MB there
 * took another 0.4 s of it. The store reports how far it has written (`advance`), the worker reads
 * and hashes up to there from its own descriptor, and `finish` gives the digest once the last byte
 * is hashed.
 */
import { Worker } from 'node:worker_threads';

type Reply = { id: number; sha256?: string; error?: string };

/** The worker is told of progress in steps of at least this many bytes (it reads 1 MB at a time). */
const ADVANCE_STEP_BYTES = 1024 * 1024;

/** One file being hashed. */
export class HashingJob {
    private posted = 0;

    constructor(
        private readonly hasher: FileHasher,
        readonly id: number,
        private readonly result: Promise<string>
    ) {}

    /** The file holds at least `size` bytes: the worker may hash up to there. */
    advance(size: number): void {
        if (size - this.posted < ADVANCE_STEP_BYTES) return;
        this.posted = size;
        this.hasher.post({ id: this.id, op: 'hash', upTo: size });
    }

    /** The file is complete at `size` bytes: its SHA-256 (hex). */
    finish(size: number): Promise<string> {
        this.hasher.post({ id: this.id, op: 'end', upTo: size });
        return this.result;
    }

    /** The write failed: the worker closes the file and forgets it. */
    cancel(): void {
        this.hasher.forget(this.id);
        this.hasher.post({ id: this.id, op: 'cancel' });
    }
}

export class FileHasher {
    private worker: Worker | null = null;
    private nextId = 1;
    private readonly waiting = new Map<
        number,
        { resolve: (sha256: string) => void; reject: (error: Error) => void }
    >();

    /** Starts hashing `file`, which is being written (the worker opens it at its first read). */
    open(file: string): HashingJob {
        const id = this.nextId++;
        const result = new Promise<string>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
        // Rejections are for `finish`'s caller; a cancelled job's is nobody's.
        result.catch(() => undefined);
        this.post({ id, op: 'open', file });
        return new HashingJob(this, id, result);
    }

    post(message: { id: number; op: string; upTo?: number; file?: string }): void {
        this.started().postMessage(message);
    }

    forget(id: number): void {
        this.waiting.delete(id);
    }

    private started(): Worker {
        if (this.worker) return this.worker;
        const worker = new Worker(new URL('./fileHashWorker.mjs', import.meta.url));
        // An idle hasher does not keep the process alive.
        worker.unref();
        worker.on('message', (reply: Reply) => {
            const waiting = this.waiting.get(reply.id);
            this.waiting.delete(reply.id);
            if (!waiting) return;
            if (reply.sha256) waiting.resolve(reply.sha256);
            else waiting.reject(new Error(`Could not hash the file: ${reply.error}`));
        });
        const stopped = (error: Error) => {
            if (this.worker === worker) this.worker = null;
            for (const { reject } of this.waiting.values()) reject(error);
            this.waiting.clear();
        };
        worker.on('error', stopped);
        worker.on('exit', (code) => stopped(new Error(`The file hasher stopped (exit code ${code})`)));
        this.worker = worker;
        return worker;
    }
}

/** The process's hasher (one worker thread, started on first use). */
export const fileHasher = new FileHasher();
