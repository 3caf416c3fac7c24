/**
 * Splits a getMany id list so that each request's URL stays short. Node's HTTP parser answers an
 * empty 431 to request heads over 16 KB, and proxies often stop at 8 KB; the API also takes at
 * most 1,000 values in one filter list. We chose splitting on the client over a POST search: reads
 * stay GETs (cacheable, no CSRF token, same permission checks as every list), and the server needs
 * no second protocol.
 */

/** Keeps each getMany URL far below 8 KB, whatever proxy sits in front. */
export const MAX_GET_MANY_URL_LENGTH = 4000;
/** The API's largest filter list and page (MAX_PAGE_ROWS in server/src/rest/listParams.ts). */
export const MAX_IDS_PER_REQUEST = 1000;

/** The length one id adds to `filter={"id":[…]}` once URL-encoded, with its separating comma. */
const encodedLength = (id: unknown) => encodeURIComponent(JSON.stringify(id) + ',').length;

/**
 * Splits `ids`, in order, into chunks whose URL (`urlOf(chunk)`) is at most `maxUrlLength`
 * characters and that hold at most `maxIds` ids each. A list that fits comes back as one chunk.
 */
export function chunkIds<T>(
    ids: readonly T[],
    urlOf: (chunk: readonly T[]) => string,
    maxUrlLength = MAX_GET_MANY_URL_LENGTH,
    maxIds = MAX_IDS_PER_REQUEST
): T[][] {
    if (ids.length <= maxIds && urlOf(ids).length <= maxUrlLength) return [[...ids]];
    const base = urlOf([]).length;
    const chunks: T[][] = [];
    let chunk: T[] = [];
    let length = base;
    for (const id of ids) {
        const extra = encodedLength(id);
        if (chunk.length > 0 && (length + extra > maxUrlLength || chunk.length >= maxIds)) {
            chunks.push(chunk);
            chunk = [];
            length = base;
        }
        chunk.push(id);
        length += extra;
    }
    if (chunk.length > 0) chunks.push(chunk);
    return chunks;
}
