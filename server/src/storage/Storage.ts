import type { Readable, Writable } from 'node:stream';

/** What a store learned about an object while writing it. */
export interface StoredObject {
    size: number;
    /** Lowercase hex SHA-256 of the content. */
    sha256: string;
}

export interface ObjectStat {
    size: number;
    modifiedAt: Date;
}

/** Inclusive byte offsets, as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
    start: number;
    end: number;
}

/**
 * Where attachment content lives. Keys are opaque to callers but must pass `assertSafeKey`;
 * the local disk store and a future S3-compatible store implement the same contract.
 */
export interface Storage {
    /** Writes the whole object (replacing any previous content) and reports its size and hash. */
    put(key: string, content: Readable | Buffer | Uint8Array): Promise<StoredObject>;
    /** Streams the object, or the given inclusive range of it. Throws StorageNotFoundError. */
    get(key: string, range?: ByteRange): Promise<Readable>;
    /**
     * Writes the object, or the given inclusive range of it, to `destination` (an HTTP response),
     * without ending it; resolves once every byte is handed over, or when the destination closes
     * first. Throws StorageNotFoundError before writing anything when there is no such object.
     */
    sendTo(key: string, range: ByteRange | undefined, destination: Writable): Promise<void>;
    /** Null when there is no such object. */
    stat(key: string): Promise<ObjectStat | null>;
    /** Deleting a missing object is not an error. */
    delete(key: string): Promise<void>;
}

export class StorageNotFoundError extends Error {
    constructor(readonly key: string) {
        super(`No stored object "${key}"`);
        this.name = 'StorageNotFoundError';
    }
}

export class InvalidStorageKeyError extends Error {
    constructor(readonly key: string) {
        super(`Invalid storage key "${key}"`);
        this.name = 'InvalidStorageKeyError';
    }
}

export class InvalidRangeError extends Error {
    constructor(
        readonly range: ByteRange,
        readonly size: number
    ) {
        super(`Range ${range.start}-${range.end} is not satisfiable for ${size} bytes`);
        this.name = 'InvalidRangeError';
    }
}

export const MAX_KEY_LENGTH = 255;

/** Slash-separated segments of letters, digits, `.`, `_`, `-`, each starting with a letter or digit. */
const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function isSafeKey(key: string): boolean {
    return key.length <= MAX_KEY_LENGTH && SAFE_KEY.test(key);
}

/** Rejects anything that could escape the store's root: `..`, absolute paths, backslashes, NUL. */
export function assertSafeKey(key: string): void {
    if (!isSafeKey(key)) throw new InvalidStorageKeyError(key);
}

export function assertValidRange(range: ByteRange, size: number): void {
    const ok =
        Number.isSafeInteger(range.start) &&
        Number.isSafeInteger(range.end) &&
        range.start >= 0 &&
        range.start <= range.end &&
        range.end < size;
    if (!ok) throw new InvalidRangeError(range, size);
}
