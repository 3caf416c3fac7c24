import { describe, expect, it } from 'vitest';
import { chunkIds, MAX_GET_MANY_URL_LENGTH, MAX_IDS_PER_REQUEST } from '../../client/src/common/idChunks';

/** The URL ra-data-simple-rest's getMany builds. */
const urlOf = (ids: readonly unknown[]) =>
    `/api/disputes?filter=${encodeURIComponent(JSON.stringify({ id: ids }))}`;

describe('chunkIds (how the SPA splits a long getMany)', () => {
    it('keeps a short list in one request', () => {
        expect(chunkIds([1, 2, 3], urlOf)).toEqual([[1, 2, 3]]);
        expect(chunkIds([], urlOf)).toEqual([[]]);
    });

    it('splits 5,000 ids into requests whose URLs stay under the limit, every id once, in order', () => {
        const ids = Array.from({ length: 5000 }, (_, i) => 1_000_000_000 + i);

        const chunks = chunkIds(ids, urlOf);

        expect(chunks.length).toBeGreaterThan(1);
        for (const chunk of chunks) {
            expect(urlOf(chunk).length).toBeLessThanOrEqual(MAX_GET_MANY_URL_LENGTH);
            expect(chunk.length).toBeLessThanOrEqual(MAX_IDS_PER_REQUEST);
        }
        expect(chunks.flat()).toEqual(ids);
        // Greedy: each chunk but the last is full enough that one more id would not fit.
        for (const chunk of chunks.slice(0, -1)) {
            expect(urlOf([...chunk, ids[0]]).length).toBeGreaterThan(MAX_GET_MANY_URL_LENGTH);
        }
    });

    it('measures string ids as encoded, characters that need escaping included', () => {
        const ids = Array.from({ length: 300 }, (_, i) => `ключ-${i}/ä`);

        const chunks = chunkIds(ids, urlOf, 2000);

        expect(chunks.flat()).toEqual(ids);
        for (const chunk of chunks) expect(urlOf(chunk).length).toBeLessThanOrEqual(2000);
    });

    it('never puts more ids in a request than the API takes in one filter', () => {
        const chunks = chunkIds(
            Array.from({ length: 2500 }, (_, i) => i),
            urlOf,
            1_000_000
        );

        expect(chunks.map((chunk) => chunk.length)).toEqual([1000, 1000, 500]);
    });
});
