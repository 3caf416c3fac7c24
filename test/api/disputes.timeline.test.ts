import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispute } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import {
    buildAttachment,
    buildDecision,
    buildDispute,
    buildDisputeEvent,
    buildEvidenceRequest,
    buildMessage,
    buildOffer,
    daysFromNow,
} from '../helpers/factories';
import { expectError } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** GET /api/disputes/:id/timeline: everything that happened on a dispute, oldest first. */
let ctx: TestApp;
let api: Agent;
let dispute: Dispute;
let quiet: Dispute;
/** `<kind>-<id>` of every entry built, with its time. */
const entries: { key: string; at: Date }[] = [];

interface TimelineEntry {
    id: string;
    kind: string;
    at: string;
    record: { id: number; disputeId: number };
}

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    const ds = ctx.dataSource;
    dispute = await buildDispute(ds, { status: 'decided' });
    quiet = await buildDispute(ds, { status: 'escalated' });
    const disputeId = dispute.id;
    const add = (kind: string, id: number, at: Date) => entries.push({ key: `${kind}-${id}`, at });

    // Built out of time order, so that ids and times disagree.
    let at = daysFromNow(-1);
    add('decision', (await buildDecision(ds, { disputeId, createdAt: at })).id, at);
    at = daysFromNow(-4);
    add('message', (await buildMessage(ds, { disputeId, createdAt: at })).id, at);
    at = daysFromNow(-2);
    add('attachment', (await buildAttachment(ds, { disputeId, createdAt: at })).id, at);
    at = daysFromNow(-5);
    add('event', (await buildDisputeEvent(ds, { disputeId, occurredAt: at })).id, at);
    at = daysFromNow(-3);
    add('evidence_request', (await buildEvidenceRequest(ds, { disputeId, createdAt: at })).id, at);
    at = daysFromNow(-3.5);
    add('offer', (await buildOffer(ds, { disputeId, createdAt: at })).id, at);
    at = daysFromNow(-1.5);
    add('message', (await buildMessage(ds, { disputeId, authorKind: 'staff', createdAt: at })).id, at);

    // Another dispute's history, which must not show.
    const other = await buildDispute(ds, { status: 'escalated' });
    await buildMessage(ds, { disputeId: other.id, createdAt: daysFromNow(-2.5) });
    await buildDisputeEvent(ds, { disputeId: other.id, occurredAt: daysFromNow(-2.2) });
});

afterAll(() => ctx?.close());

describe('GET /api/disputes/:id/timeline', () => {
    it('returns entries of every kind, oldest first', async () => {
        const res = await api.get(`/api/disputes/${dispute.id}/timeline`);

        expect(res.status).toBe(200);
        const timeline = res.body as TimelineEntry[];
        const expected = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime());
        expect(timeline.map((e) => e.id)).toEqual(expected.map((e) => e.key));
        expect(timeline.map((e) => e.at)).toEqual(expected.map((e) => e.at.toISOString()));
        expect(new Set(timeline.map((e) => e.kind))).toEqual(
            new Set(['message', 'offer', 'attachment', 'evidence_request', 'decision', 'event'])
        );
    });

    it('carries each record of the dispute with its kind', async () => {
        const res = await api.get(`/api/disputes/${dispute.id}/timeline`);

        for (const entry of res.body as TimelineEntry[]) {
            expect(entry.id).toBe(`${entry.kind}-${entry.record.id}`);
            expect(entry.record.disputeId).toBe(dispute.id);
        }
    });

    it('shows records as their own resources do', async () => {
        const res = await api.get(`/api/disputes/${dispute.id}/timeline`);
        const decision = (res.body as TimelineEntry[]).find((e) => e.kind === 'decision')!;

        const show = await api.get(`/api/decisions/${decision.record.id}`);

        expect(decision.record).toEqual(show.body);
    });

    it('returns an empty array for a dispute with no history', async () => {
        const res = await api.get(`/api/disputes/${quiet.id}/timeline`);

        expect(res.status).toBe(200);
        expect(res.body).toEqual([]);
    });

    it('answers 404 for an unknown dispute', async () => {
        const unknown = dispute.id + 1000;

        const res = await api.get(`/api/disputes/${unknown}/timeline`);

        expectError(res, 404, new RegExp(`disputes ${unknown}`));
    });

    it.each(['abc', '0', '1.5'])('answers 400 for the dispute id "%s"', async (id) => {
        const res = await api.get(`/api/disputes/${id}/timeline`);

        expectError(res, 400, /positive integer/);
    });
});
