import { expect } from 'vitest';
import type { Response } from 'supertest';
import type { Role } from '../../shared/domain';
import { ensureStaff, signInAs, type Agent } from './agent';
import type { TestApp } from './testApp';

export const MINUTE = 60_000;

let counter = 0;

/**
 * A staff member of this role who has never been used before, freshly signed in. Unlike
 * `ctx.as`, nothing is cached, so a test may revoke or expire the session freely.
 */
export async function freshAgent(ctx: TestApp, role: Role, name = role): Promise<Agent> {
    counter += 1;
    return signInAs(ctx.app, await ensureStaff(ctx.dataSource, role, `${name}-${counter}`));
}

/** Asserts a 401 JSON answer, optionally with a message matching. */
export function expectUnauthorized(res: Response, message?: RegExp): void {
    expect(res.status, JSON.stringify(res.body)).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({ message: expect.any(String) });
    if (message) expect(res.body.message).toMatch(message);
}

/** Asserts a 403 answer whose body is exactly `{ message }`. */
export function expectForbidden(res: Response, message?: RegExp): void {
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({ message: expect.any(String) });
    if (message) expect(res.body.message).toMatch(message);
}

/** The attributes of the dd_session Set-Cookie header of a response. */
export function sessionCookieOf(res: Response): { value: string; attributes: string[] } {
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = cookies.find((c) => c.startsWith('dd_session='));
    expect(cookie, 'a dd_session Set-Cookie header').toBeDefined();
    const [pair, ...attributes] = cookie!.split('; ');
    return { value: pair.slice('dd_session='.length), attributes };
}
