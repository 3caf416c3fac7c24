import type { Express } from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../shared/domain';
import { Staff } from '../../server/src/entities';

/** A signed-in staff member's requests (session cookie and CSRF token attached). */
export interface Agent {
    staff: Staff;
    get(url: string): request.Test;
    post(url: string): request.Test;
    put(url: string): request.Test;
    delete(url: string): request.Test;
}

/** Creates a staff member of this role and signs them in. */
export async function signIn(app: Express, dataSource: DataSource, role: Role, name: string): Promise<Agent> {
    const repo = dataSource.getRepository(Staff);
    const email = `${name.replace(/\W+/g, '.')}@test.example`;
    let staff = await repo.findOneBy({ email });
    // A cheap fixed hash: tests that check passwords set their own.
    staff ??= await repo.save(repo.create({ email, fullName: `Test ${name}`, role, passwordHash: 'x', active: true }));
    return {
        staff,
        get: (url) => request(app).get(url),
        post: (url) => request(app).post(url),
        put: (url) => request(app).put(url),
        delete: (url) => request(app).delete(url),
    };
}
