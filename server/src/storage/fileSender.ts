import type { FileHandle } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/**
 * Bytes per read of a stored object: a video player's 1 MB range is one read and one socket write
 * instead of sixteen (the memory a download holds at a time).
 */
export const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Read buffers kept between downloads. A fresh buffer per read made every download leave garbage
 * the size of what it sent, and the collector's full pauses, when that garbage piled up outside
 * the heap, were the slow tail of range requests. Beyond this many concurrent downloads the extra
 * buffers are left to the collector.
 */
const KEPT_BUFFERS = 8;
const idle: Buffer[] = [];

/** Resolves true once `chunk` is handed to the destination's socket, false if it closed first. */
function written(destination: Writable, chunk: Buffer): Promise<boolean> {
    return new Promise((resolve) => {
        const closed = () => resolve(false);
        destination.once('close', closed);
        destination.write(chunk, (error) => {
            destination.off('close', closed);
            resolve(!error);
        });
    });
}

/**
 * Writes `length` bytes of an open file from `start` to `destination`, one reused buffer at a
 * time: a buffer is read into again only once the destination has taken all of it (which is also
 * the backpressure of a slow client). Stops early, without error, when the destination closes.
 */
export async function sendFileRange(
    handle: FileHandle,
    start: number,
    length: number,
    destination: Writable
): Promise<void> {
    const buffer = idle.pop() ?? Buffer.allocUnsafeSlow(READ_CHUNK_BYTES);
    try {
        let position = start;
        let left = length;
        while (left > 0 && !destination.destroyed) {
            const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, left), position);
            if (bytesRead === 0) throw new Error(`The stored file ended ${left} bytes before the range`);
            if (!(await written(destination, buffer.subarray(0, bytesRead)))) return;
            position += bytesRead;
            left -= bytesRead;
        }
    } finally {
        if (idle.length < KEPT_BUFFERS) idle.push(buffer);
    }
}
