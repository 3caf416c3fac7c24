import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_CHUNK_BYTES, sendFileRange } from '../../server/src/storage/fileSender';

let dir: string;
let file: string;
const CONTENT = randomBytes(3 * READ_CHUNK_BYTES + 123);

beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dd-sender-'));
    file = path.join(dir, 'content.bin');
    await fs.writeFile(file, CONTENT);
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/**
 * A destination that, like a socket, holds each chunk for `delayMs` before it has taken it (and
 * copies it only then: a buffer reused too early shows as wrong bytes).
 */
function collector(delayMs = 0, closeAfter = Infinity) {
    const chunks: Buffer[] = [];
    const destination = new Writable({
        highWaterMark: 1,
        write(chunk: Buffer, _encoding, callback) {
            setTimeout(() => {
                chunks.push(Buffer.from(chunk));
                callback();
                if (chunks.length >= closeAfter) destination.destroy();
            }, delayMs);
        },
    });
    return { destination, received: () => Buffer.concat(chunks) };
}

describe('sendFileRange', () => {
    it('sends exactly the range, across several reads, to concurrent slow destinations', async () => {
        const handle = await fs.open(file, 'r');
        try {
            const ranges = [
                [0, CONTENT.length],
                [READ_CHUNK_BYTES - 7, 2 * READ_CHUNK_BYTES + 50],
                [5, 1],
                [CONTENT.length - 10, 10],
            ];
            const sinks = ranges.map(() => collector(2));
            await Promise.all(
                ranges.map(([start, length], i) => sendFileRange(handle, start, length, sinks[i].destination))
            );
            ranges.forEach(([start, length], i) => {
                expect(sinks[i].received().equals(CONTENT.subarray(start, start + length))).toBe(true);
            });
        } finally {
            await handle.close();
        }
    });

    it('stops without an error when the destination closes early (a client that went away)', async () => {
        const handle = await fs.open(file, 'r');
        try {
            const sink = collector(0, 1);
            await sendFileRange(handle, 0, CONTENT.length, sink.destination);
            expect(sink.received().equals(CONTENT.subarray(0, READ_CHUNK_BYTES))).toBe(true);
            // The buffer it gave back serves the next download correctly.
            const next = collector();
            await sendFileRange(handle, 1000, READ_CHUNK_BYTES, next.destination);
            expect(next.received().equals(CONTENT.subarray(1000, 1000 + READ_CHUNK_BYTES))).toBe(true);
        } finally {
            await handle.close();
        }
    });

    it('fails when the file is shorter than the range', async () => {
        const handle = await fs.open(file, 'r');
        try {
            const sink = collector();
            await expect(sendFileRange(handle, CONTENT.length - 5, 10, sink.destination)).rejects.toThrow(
                /ended 5 bytes before the range/
            );
        } finally {
            await handle.close();
        }
    });
});
