import { createHash } from 'node:crypto';
import nodeFs from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
});
