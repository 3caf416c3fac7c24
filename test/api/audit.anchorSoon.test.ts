import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendCheckpointSoon, parseCheckpoint } from '../../server/src/audit/auditAnchor';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-anchor-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const key = Buffer.from('a key for this test only');
const hash = (c: string) => c.repeat(64);

describe('appendCheckpointSoon', () => {
    it("writes nothing while the commit's work goes on, then one line: the newest head of that moment", async () => {
        const file = path.join(dir, 'moment.log');
        appendCheckpointSoon(file, key, { id: 5, hash: hash('a') });
        appendCheckpointSoon(file, key, { id: 7, hash: hash('c') });
        appendCheckpointSoon(file, key, { id: 6, hash: hash('b') });
        expect(fs.existsSync(file)).toBe(false);
        await new Promise((resolve) => setImmediate(resolve));
        const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
        expect(lines.map((line) => parseCheckpoint(key, line))).toEqual([{ id: 7, hash: hash('c') }]);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    });

    it('writes a line per moment, and keeps the files of different chains apart', async () => {
        const first = path.join(dir, 'first.log');
        const second = path.join(dir, 'second.log');
        appendCheckpointSoon(first, key, { id: 1, hash: hash('d') });
        appendCheckpointSoon(second, key, { id: 9, hash: hash('e') });
        await new Promise((resolve) => setImmediate(resolve));
        appendCheckpointSoon(first, key, { id: 2, hash: hash('f') });
        await new Promise((resolve) => setImmediate(resolve));
        const read = (file: string) =>
            fs
                .readFileSync(file, 'utf8')
                .trim()
                .split('\n')
                .map((line) => parseCheckpoint(key, line)?.id);
        expect(read(first)).toEqual([1, 2]);
        expect(read(second)).toEqual([9]);
    });
});
