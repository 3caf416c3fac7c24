import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
    assertSafeKey,
    assertValidRange,
    StorageNotFoundError,
    type ByteRange,
    type ObjectStat,
    type Storage,
    type StoredObject,
} from './Storage';
import { fileHasher } from './fileHasher';
import { READ_CHUNK_BYTES, sendFileRange } from './fileSender';

function isMissing(error: unknown): boolean {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Objects as plain files under one root directory (`<DATA_DIR>/files`), key = relative path. */
export class LocalDiskStorage implements Storage {
    readonly root: string;

    constructor(root: string) {
        this.root = path.resolve(root);
    }

    /** The file behind a key; never outside the root. */
    pathOf(key: string): string {
        assertSafeKey(key);
        const file = path.resolve(this.root, key);
        if (!file.startsWith(this.root + path.sep)) throw new StorageNotFoundError(key);
        return file;
    }

    async put(key: string, content: Readable | Buffer | Uint8Array): Promise<StoredObject> {
        const file = this.pathOf(key);
        await fs.mkdir(path.dirname(file), { recursive: true });
        // A leading dot can never be a key segment, so the temporary name cannot collide with a key.
        const temp = path.join(path.dirname(file), `.${randomBytes(8).toString('hex')}.tmp`);
        const writer = createWriteStream(temp, { flags: 'wx', highWaterMark: 1 << 20 });
        // Hashed on the file hasher's thread, from what is written, as it is written.
        const job = fileHasher.open(temp);
        let size = 0;
        const measure = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
                size += chunk.length;
                job.advance(writer.bytesWritten);
                callback(null, chunk);
            },
        });
        const source = content instanceof Readable ? content : Readable.from([Buffer.from(content)]);
        let sha256: string;
        try {
            await pipeline(source, measure, writer);
            sha256 = await job.finish(size);
            await fs.rename(temp, file);
        } catch (error) {
            job.cancel();
            // A source that fails at once can fail while the temporary file is still being opened:
            // removed before the open completes, it would be created after and stay behind.
            if (!writer.closed) await new Promise<void>((resolve) => writer.once('close', () => resolve()));
            await fs.rm(temp, { force: true });
            throw error;
        }
        return { size, sha256 };
    }

    async get(key: string, range?: ByteRange): Promise<Readable> {
        const file = this.pathOf(key);
        const stat = await this.stat(key);
        if (!stat) throw new StorageNotFoundError(key);
        if (range) assertValidRange(range, stat.size);
        const length = range ? range.end - range.start + 1 : stat.size;
        // No larger than what is served: a small file is not read into a 1 MB buffer.
        const highWaterMark = Math.min(READ_CHUNK_BYTES, Math.max(length, 1));
        return createReadStream(file, { ...range, highWaterMark });
    }

    async sendTo(key: string, range: ByteRange | undefined, destination: Writable): Promise<void> {
        let handle: FileHandle;
        try {
            handle = await fs.open(this.pathOf(key), 'r');
        } catch (error) {
            if (isMissing(error)) throw new StorageNotFoundError(key);
            throw error;
        }
        try {
            const stat = await handle.stat();
            if (!stat.isFile()) throw new StorageNotFoundError(key);
            if (range) assertValidRange(range, stat.size);
            const length = range ? range.end - range.start + 1 : stat.size;
            await sendFileRange(handle, range?.start ?? 0, length, destination);
        } finally {
            await handle.close();
        }
    }

    async stat(key: string): Promise<ObjectStat | null> {
        try {
            const stat = await fs.stat(this.pathOf(key));
            return stat.isFile() ? { size: stat.size, modifiedAt: stat.mtime } : null;
        } catch (error) {
            if (isMissing(error)) return null;
            throw error;
        }
    }

    async delete(key: string): Promise<void> {
        await fs.rm(this.pathOf(key), { force: true });
    }
}
