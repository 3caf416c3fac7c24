import { expect } from 'vitest';
import type { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { dbKind } from '../../server/src/db/dbKind';
import { AuditEvent } from '../../server/src/entities';

/** The audit events written while answering this response (matched on its X-Request-Id). */
export async function auditEventsOf(dataSource: DataSource, res: Response): Promise<AuditEvent[]> {
    const requestId = res.headers['x-request-id'];
    expect(requestId, 'X-Request-Id header').toBeTypeOf('string');
    return dataSource.getRepository(AuditEvent).find({ where: { requestId }, order: { id: 'ASC' } });
}

/** Asserts that answering this response wrote exactly one audit event, and returns it. */
export async function oneAuditEventOf(dataSource: DataSource, res: Response): Promise<AuditEvent> {
    const events = await auditEventsOf(dataSource, res);
    expect(
        events.map((event) => event.action),
        'audit events written by this request'
    ).toHaveLength(1);
    return events[0];
}

/** Every stored audit row, as the database returns it, one JSON text per row. */
export async function rawAuditRows(dataSource: DataSource): Promise<string[]> {
    const rows: unknown[] = await dataSource.query('SELECT * FROM audit_event ORDER BY id');
    return rows.map((row) => JSON.stringify(row));
}

/**
 * What an attacker with database access does first: switch off the triggers that keep
 * audit_event append-only.
 */
export async function disableAppendOnlyTrigger(dataSource: DataSource): Promise<void> {
    if (dbKind === 'postgres') {
        await dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    } else {
        await dataSource.query('DROP TRIGGER audit_event_no_update');
        await dataSource.query('DROP TRIGGER audit_event_no_delete');
    }
}
