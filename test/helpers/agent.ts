import type { Express } from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../shared/domain';
import { hashPassword } from '../../server/src/auth/password';
import { writeTransaction } from '../../server/src/db/transaction';
import { Staff } from '../../server/src/entities';

export const TEST_PASSWORD = 'correct horse battery staple';

/** A signed-in staff member's requests (session cookie and CSRF token attached). */
export interface Agent {
    staff: Staff;
    cookie: string;
    csrfToken: string;
    get(url: string): request.Test;
    post(url: string): request.Test;
    put(url: string): request.Test;
    patch(url: string): request.Test;
    delete(url: string): request.Test;
}

let passwordHash: Promise<string> | undefined;

/** Creates (or reuses) a staff member with this email and role. */
export async function ensureStaff(dataSource: DataSource, role: Role, name: string): Promise<Staff> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const repo = dataSource.getRepository(Staff);
    const email = `${name.replace(/\W+/g, '.')}@test.example`.toLowerCase();
    const existing = await repo.findOneBy({ email });
    if (existing) return existing;
    const staff = repo.create({
        email,
        fullName: `Test ${name}`,
        role,
        passwordHash: await passwordHash,
        active: true,
    });
    // Through the serialized writer: a bare save() would open its own transaction on SQLite's one connection.
    return writeTransaction(dataSource, (manager) => manager.getRepository(Staff).save(staff));
}

/** Signs in through POST /api/auth/login and returns an agent carrying the session. */
export async function signInAs(app: Express, staff: Staff, password = TEST_PASSWORD): Promise<Agent> {
    const res = await request(app).post('/api/auth/login').send({ email: staff.email, password });
    if (res.status !== 200)
        throw new Error(`sign-in of ${staff.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0];
    const csrfToken = res.body.csrfToken as string;
    const withSession = (test: request.Test) => test.set('Cookie', cookie).set('X-CSRF-Token', csrfToken);
    return {
        staff,
        cookie,
        csrfToken,
        get: (url) => withSession(request(app).get(url)),
        post: (url) => withSession(request(app).post(url)),
        put: (url) => withSession(request(app).put(url)),
        patch: (url) => withSession(request(app).patch(url)),
        delete: (url) => withSession(request(app).delete(url)),
    };
}

/** Creates a staff member of this role and signs them in. */
export async function signIn(app: Express, dataSource: DataSource, role: Role, name: string): Promise<Agent> {
    return signInAs(app, await ensureStaff(dataSource, role, name));
}
