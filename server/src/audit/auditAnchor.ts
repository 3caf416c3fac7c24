import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/**
 * The chain's head, anchored outside the database: just after the commits that appended audit
 * events (and after every verify that found the chain intact) a signed checkpoint — the newest
 * event's id and hash with their HMAC — is appended to DATA_DIR/audit-anchor.log. A database
 * writer who deletes the newest events, or rewrites events and recomputes the chain, cannot make
 * the rows agree with the checkpoints again without the key.
 */
export const AUDIT_ANCHOR_FILE = 'audit-anchor.log';

export function auditAnchorPath(dataDir: string): string {
    return path.join(path.resolve(dataDir), AUDIT_ANCHOR_FILE);
}

export interface Checkpoint {
    id: number;
    hash: string;
}

function checkpointMac(key: Buffer, { id, hash }: Checkpoint): Buffer {
    return createHmac('sha256', key).update(`audit-anchor\n${id}\n${hash}`).digest();
}

/** One line of the anchor file. */
export function formatCheckpoint(key: Buffer, checkpoint: Checkpoint): string {
    const { id, hash } = checkpoint;
    return `${JSON.stringify({ id, hash, mac: checkpointMac(key, checkpoint).toString('hex') })}\n`;
}

/** The checkpoint of one line, or null when the line is not one signed with this key. */
export function parseCheckpoint(key: Buffer, line: string): Checkpoint | null {
    let parsed: unknown;
    try {
        parsed = JSON.parse(line);
    } catch {
        return null;
    }
    const { id, hash, mac } = (parsed ?? {}) as Record<string, unknown>;
    if (!Number.isSafeInteger(id) || (id as number) <= 0) return null;
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return null;
    if (typeof mac !== 'string' || !/^[0-9a-f]{64}$/.test(mac)) return null;
    const checkpoint = { id: id as number, hash };
    return timingSafeEqual(Buffer.from(mac, 'hex'), checkpointMac(key, checkpoint)) ? checkpoint : null;
}

/** The last id this process anchored in each file: the same head is not written twice in a row. */
const lastAnchored = new Map<string, number>();
const failedFiles = new Set<string>();

/**
 * Appends a checkpoint (one write to a file opened with O_APPEND, mode 0600). Called after the
 * commit; a failure is reported on the console but never fails the request whose data is
 * already committed: a missing checkpoint only weakens the anchor, it raises no false alarm.
 */
export function appendCheckpoint(file: string, key: Buffer, checkpoint: Checkpoint): void {
    if (lastAnchored.get(file) === checkpoint.id) return;
    try {
        fs.appendFileSync(file, formatCheckpoint(key, checkpoint), { mode: 0o600 });
        lastAnchored.set(file, checkpoint.id);
        failedFiles.delete(file);
    } catch (error) {
        if (!failedFiles.has(file)) {
            failedFiles.add(file);
            console.error(`Could not append an audit checkpoint to ${file}:`, error);
        }
    }
}

/** Checkpoints of this moment's commits, per file: only the newest is written. */
const queued = new Map<string, { key: Buffer; checkpoint: Checkpoint }>();

/**
 * Appends a commit's checkpoint once the work at hand is done (`setImmediate`), outside the write
 * lock the commit held, so that the next transaction's first statement is under way meanwhile.
 * The commits of one moment share one line: each head covers the earlier ones, as the chain links
 * every event to the one before.
 */
export function appendCheckpointSoon(file: string, key: Buffer, checkpoint: Checkpoint): void {
    const waiting = queued.get(file);
    if (waiting) {
        if (checkpoint.id > waiting.checkpoint.id) queued.set(file, { key, checkpoint });
        return;
    }
    queued.set(file, { key, checkpoint });
    setImmediate(() => {
        const newest = queued.get(file)!;
        queued.delete(file);
        appendCheckpoint(file, newest.key, newest.checkpoint);
    });
}

/** How much of the end of the file holds the newest checkpoint (a few hundred lines). */
const TAIL_BYTES = 64 * 1024;

/**
 * The newest (highest id) checkpoint signed with this key among the last lines of the file:
 * null when there is no file or no checkpoint, 'unknown' when the tail holds no signed line
 * although earlier parts of the file might (then the whole file must be read).
 */
export async function newestCheckpoint(file: string, key: Buffer): Promise<Checkpoint | null | 'unknown'> {
    let handle: fs.promises.FileHandle;
    try {
        handle = await fs.promises.open(file, 'r');
    } catch {
        return null;
    }
    try {
        const { size } = await handle.stat();
        const start = Math.max(0, size - TAIL_BYTES);
        const buffer = Buffer.alloc(size - start);
        await handle.read(buffer, 0, buffer.length, start);
        const lines = buffer.toString('utf8').split('\n');
        if (start > 0) lines.shift(); // the first line is cut
        let newest: Checkpoint | null = null;
        for (const line of lines) {
            const checkpoint = line ? parseCheckpoint(key, line) : null;
            if (checkpoint && (!newest || checkpoint.id > newest.id)) newest = checkpoint;
        }
        return newest ?? (start > 0 ? 'unknown' : null);
    } finally {
        await handle.close();
    }
}

/** Every checkpoint of the file signed with this key, in file order, read as a stream. */
export async function* readCheckpoints(file: string, key: Buffer): AsyncGenerator<Checkpoint> {
    let stream: fs.ReadStream;
    try {
        await fs.promises.access(file);
        stream = fs.createReadStream(file, { encoding: 'utf8' });
    } catch {
        return;
    }
    const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
    try {
        for await (const line of lines) {
            const checkpoint = parseCheckpoint(key, line);
            if (checkpoint) yield checkpoint;
        }
    } finally {
        lines.close();
        stream.destroy();
    }
}
