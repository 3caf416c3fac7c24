import { expect } from 'vitest';
import type { Response } from 'supertest';

export interface ListQuery {
    filter?: unknown;
    sort?: unknown;
    range?: unknown;
}

/** A ra-data-simple-rest list URL: each parameter JSON-encoded, then URL-encoded. */
export function listUrl(path: string, query: ListQuery = {}): string {
    const parts = Object.entries(query)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${encodeURIComponent(JSON.stringify(value))}`);
    return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** A URL with raw (already JSON or deliberately broken) parameter values, URL-encoded. */
export function rawUrl(path: string, params: Record<string, string>): string {
    const parts = Object.entries(params).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
    return `${path}?${parts.join('&')}`;
}

export interface ContentRange {
    resource: string;
    first: number | null;
    last: number | null;
    total: number;
}

/** Parses `Content-Range: <res> a-b/total`, or the star form that an empty page carries. */
export function contentRange(res: Response): ContentRange {
    const header = res.headers['content-range'];
    expect(header, 'Content-Range header').toBeTypeOf('string');
    const match = /^([\w-]+) (?:(\d+)-(\d+)|\*)\/(\d+)$/.exec(header);
    expect(match, `Content-Range "${header}"`).not.toBeNull();
    const [, resource, first, last, total] = match!;
    return {
        resource,
        first: first === undefined ? null : Number(first),
        last: last === undefined ? null : Number(last),
        total: Number(total),
    };
}

/** The ids of a list response, in order. */
export function idsOf(res: Response): number[] {
    expect(Array.isArray(res.body), 'the body is a bare JSON array').toBe(true);
    return (res.body as { id: number }[]).map((record) => record.id);
}

/** Asserts a 4xx JSON error whose message matches. */
export function expectError(res: Response, status: number, message?: RegExp): void {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.message).toBeTypeOf('string');
    if (message) expect(res.body.message).toMatch(message);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}
