import { createHash, randomBytes } from 'node:crypto';
import nodeFs from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileHasher } from '../../server/src/storage/fileHasher';
import { LocalDiskStorage } from '../../server/src/storage/localDiskStorage';

let root: string;
let storage: LocalDiskStorage;

beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'dd-storage-'));
    storage = new LocalDiskStorage(root);
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const filesUnder = async (dir: string) => (await fs.readdir(path.join(root, dir)).catch(() => [])).sort();

/** A source that fails on its first read, as an upload refused on its first bytes does. */
const failingSource = () =>
    new Readable({
        read() {
            this.destroy(new Error('refused'));
        },
    });

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** `content` in chunks of uneven sizes, with a pause now and then, as a socket delivers it. */
async function* unevenly(content: Buffer) {
    for (let at = 0, i = 0; at < content.length; i++) {
        const size = 1 + ((i * 7919) % 200_000);
        yield content.subarray(at, at + size);
        at += size;
        if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
}

describe('LocalDiskStorage.put', () => {
    it('stores the bytes under the key and answers their size and SHA-256', async () => {
        const content = Buffer.from('evidence bytes');
        const stored = await storage.put('evidence/a', Readable.from([content]));
        expect(stored.size).toBe(content.length);
        expect(stored.sha256).toBe(createHash('sha256').update(content).digest('hex'));
        expect(await fs.readFile(path.join(root, 'evidence/a'))).toEqual(content);
        expect(await filesUnder('evidence')).toEqual(['a']);
    });

    it('leaves no temporary file when the source fails while the file is still being opened', async () => {
        // The open of the temporary file is held back until after put has settled: a put that
        // removed its temporary file without waiting for the open would leave it behind.
        const realOpen = nodeFs.open;
        vi.spyOn(nodeFs, 'open').mockImplementation(((...args: Parameters<typeof nodeFs.open>) => {
            setTimeout(() => (realOpen as (...a: unknown[]) => void)(...args), 30);
        }) as typeof nodeFs.open);
        await expect(storage.put('late/b', failingSource())).rejects.toThrow('refused');
        vi.restoreAllMocks();
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await filesUnder('late')).toEqual([]);
    });

    it('leaves nothing behind for many failing sources at once', async () => {
        await Promise.all(
            Array.from({ length: 200 }, (_, i) =>
                expect(storage.put(`many/${i}`, failingSource())).rejects.toThrow('refused')
            )
        );
        expect(await filesUnder('many')).toEqual([]);
    });

    it('hashes large files arriving unevenly, several at once, each on its own', async () => {
        const contents = [0, 1, 2, 3].map((i) => randomBytes(3 * 1024 * 1024 + 1000 * i + 7));
        const stored = await Promise.all(
            contents.map((content, i) => storage.put(`large/${i}`, Readable.from(unevenly(content))))
        );
        stored.forEach((object, i) => {
            expect(object.size).toBe(contents[i].length);
            expect(object.sha256).toBe(sha256(contents[i]));
        });
        for (const [i, content] of contents.entries()) {
            expect((await fs.readFile(path.join(root, `large/${i}`))).equals(content)).toBe(true);
        }
    });

    it('stores an empty file with the SHA-256 of nothing', async () => {
        expect(await storage.put('empty/e', Buffer.alloc(0))).toEqual({
            size: 0,
            sha256: sha256(Buffer.alloc(0)),
        });
    });

    it('leaves nothing when the source fails after megabytes, and the next put is hashed right', async () => {
        async function* failsLate() {
            yield* unevenly(randomBytes(4 * 1024 * 1024));
            throw new Error('connection lost');
        }
        await expect(storage.put('broken/x', Readable.from(failsLate()))).rejects.toThrow('connection lost');
        expect(await filesUnder('broken')).toEqual([]);
        const content = randomBytes(2 * 1024 * 1024);
        expect((await storage.put('broken/y', Readable.from(unevenly(content)))).sha256).toBe(
            sha256(content)
        );
    });
});

describe('fileHasher', () => {
    it('answers an error, not a digest, for a file it cannot read', async () => {
        const job = fileHasher.open(path.join(root, 'no-such-file'));
        await expect(job.finish(10)).rejects.toThrow(/Could not hash the file: .*ENOENT/);
    });

    it('answers an error for a file shorter than its writer said', async () => {
        const file = path.join(root, 'short');
        await fs.writeFile(file, 'abc');
        await expect(fileHasher.open(file).finish(10)).rejects.toThrow('the file ends at 3 bytes, not 10');
    });
});
