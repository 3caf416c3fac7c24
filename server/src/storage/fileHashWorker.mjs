/**
 * The file hasher's worker thread (see fileHasher.ts): reads each file the store is writing, from
 * its own descriptor, up to what the store reports written, and hashes it. One message at a time.
 * A file is opened at its first read: by then its writer has created it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

const buffer = Buffer.allocUnsafe(1024 * 1024);
/** @type {Map<number, { file: string, fd: number | null, hash: import('node:crypto').Hash, position: number }>} */
const jobs = new Map();

function close(id) {
    const job = jobs.get(id);
    jobs.delete(id);
    if (job?.fd != null) fs.closeSync(job.fd);
}

parentPort.on('message', (message) => {
    const { id, op } = message;
    try {
        if (op === 'open') {
            jobs.set(id, { file: message.file, fd: null, hash: createHash('sha256'), position: 0 });
            return;
        }
        const job = jobs.get(id);
        if (!job) return;
        if (op === 'cancel') return close(id);
        job.fd ??= fs.openSync(job.file, 'r');
        while (job.position < message.upTo) {
            const want = Math.min(buffer.length, message.upTo - job.position);
            const read = fs.readSync(job.fd, buffer, 0, want, job.position);
            if (read === 0) throw new Error(`the file ends at ${job.position} bytes, not ${message.upTo}`);
            job.hash.update(buffer.subarray(0, read));
            job.position += read;
        }
        if (op === 'end') {
            close(id);
            parentPort.postMessage({ id, sha256: job.hash.digest('hex') });
        }
    } catch (error) {
        try {
            close(id);
        } catch {
            // already closed
        }
        parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
});
