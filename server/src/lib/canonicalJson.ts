/**
 * JSON with object keys sorted (undefined members left out), so that `{a,b}` and `{b,a}` give the
 * same text: what a hash of "the same request" or "the same event" is taken over.
 */
export function canonicalJson(value: unknown): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
    if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object)
        .filter((k) => object[k] !== undefined)
        .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
}
