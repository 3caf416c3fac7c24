import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESENCE_TTL_MS } from '../../shared/live';
import { dbKind } from '../../server/src/db/dbKind';
import { writeTransaction } from '../../server/src/db/transaction';
import { systemActor } from '../../server/src/disputes/disputeActor';
import { lockDispute, recordEvent } from '../../server/src/disputes/recorder';
import { liveHub } from '../../server/src/live/liveHub';
import { signInAs } from '../helpers/agent';
import { freshAgent, expectUnauthorized } from '../helpers/sessions';
import { buildDispute } from '../helpers/factories';
import { listen, openEventStream, type EventStream, type StreamedEvent } from '../helpers/eventStream';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
/** This app and, on PostgreSQL, a second one on its own connection, as two server processes. */
let here: { baseUrl: string; close(): Promise<void> };
let other: { app: Express; baseUrl: string; close(): Promise<void> };
const streams: EventStream[] = [];

beforeAll(async () => {
    ctx = await createTestApp();
    here = await listen(ctx.app);
    const second = dbKind === 'postgres' ? await ctx.secondInstance() : null;
    const app = second?.app ?? ctx.app;
    const listening = await listen(app);
    other = {
        app,
        baseUrl: listening.baseUrl,
        close: async () => {
            await listening.close();
            await second?.close();
        },
    };
});
afterAll(async () => {
    for (const stream of streams) stream.close();
    await other?.close();
    await here?.close();
    await ctx?.close();
});

async function streamOf(cookie: string, baseUrl = here.baseUrl): Promise<EventStream> {
    const { response, stream } = await openEventStream(baseUrl, cookie);
    expect(response.status).toBe(200);
    streams.push(stream);
    return stream;
}

const aboutDispute = (id: number) => (event: StreamedEvent) =>
    event.event === 'dispute' && (event.data as { disputeId: number }).disputeId === id;

const tabId = (n: number) => `tab-${n}-abcdefgh`;

describe('GET /api/events', () => {
    it('answers 401 JSON without a session', async () => {
        expectUnauthorized(await ctx.request().get('/api/events'));
    });

    it('streams text/event-stream with a retry hint, uncached', async () => {
        const mediator = await ctx.as('mediator', 'watcher');
        const { response, head, stream } = await openEventStream(here.baseUrl, mediator.cookie);
        stream.close();
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect(response.headers.get('cache-control')).toMatch(/no-store/);
        expect(response.headers.get('content-encoding')).toBeNull();
        expect(head).toMatch(/^retry: \d+\n/);
    });

    it('stops listening for a tab once it disconnects', async () => {
        const mediator = await ctx.as('mediator', 'watcher');
        const hub = liveHub(ctx.dataSource);
        const { stream } = await openEventStream(here.baseUrl, mediator.cookie);
        const open = hub.streamCount();
        expect(open).toBeGreaterThan(0);

        stream.close();

        await expect.poll(() => hub.streamCount()).toBe(open - 1);
    });

    it('ends the open streams of a server that stops', async () => {
        const mediator = await ctx.as('mediator', 'watcher');
        const stopping = await ctx.secondInstance();
        const listening = await listen(stopping.app);
        const { stream } = await openEventStream(listening.baseUrl, mediator.cookie);

        await stopping.close();

        await stream.ended;
        await listening.close();
    });

    it('tells an open stream when another mediator, on another server process, picks a dispute up', async () => {
        const watcher = await ctx.as('mediator', 'watcher');
        const stream = await streamOf(watcher.cookie);
        const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
        const picker = await ctx.as('mediator', 'picker');
        const pickerThere = await signInAs(other.app, picker.staff);

        expect((await pickerThere.post(`/api/disputes/${dispute.id}/pickup`).send({})).status).toBe(200);

        const event = await stream.next(aboutDispute(dispute.id));
        expect(event.data).toEqual({
            disputeId: dispute.id,
            status: 'in_review',
            assigneeId: picker.staff.id,
            kind: 'pickup',
            actorStaffId: picker.staff.id,
        });
    });

    it('sends nothing for a change that rolled back', async () => {
        const watcher = await ctx.as('support', 'rollback-watcher');
        const stream = await streamOf(watcher.cookie);
        const rolledBack = await buildDispute(ctx.dataSource, { status: 'in_review' });
        const committed = await buildDispute(ctx.dataSource, { status: 'in_review' });
        const message = (id: number) => (tx: Parameters<Parameters<typeof writeTransaction>[1]>[0]) =>
            lockDispute(tx, id).then((dispute) =>
                recordEvent(tx, dispute, 'staff_message', systemActor, { at: ctx.clock.now() })
            );

        await expect(
            writeTransaction(ctx.dataSource, async (tx) => {
                await message(rolledBack.id)(tx);
                throw new Error('the change fails after it was recorded');
            })
        ).rejects.toThrow(/fails after/);
        await writeTransaction(ctx.dataSource, message(committed.id));

        // Notes arrive in commit order: once the later change is here, the rolled-back one would be too.
        await stream.next(aboutDispute(committed.id));
        expect(stream.events.filter(aboutDispute(rolledBack.id))).toEqual([]);
    });

    it('carries only what the session may read: nothing once it is signed out, and the stream ends', async () => {
        const leaving = await freshAgent(ctx, 'support');
        const stream = await streamOf(leaving.cookie);
        const staying = await streamOf((await ctx.as('support', 'staying')).cookie);
        const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
        const picker = await ctx.as('mediator', 'picker');

        expect((await leaving.post('/api/auth/logout').send({})).status).toBe(204);
        expect((await picker.post(`/api/disputes/${dispute.id}/pickup`).send({})).status).toBe(200);

        await staying.next(aboutDispute(dispute.id));
        await stream.ended;
        expect(stream.events.filter(aboutDispute(dispute.id))).toEqual([]);
    });
});

describe('presence: /api/disputes/:id/presence', () => {
    it('lists who has a case page open, on every server process, and fans changes out', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'in_review' });
        const viewer = await ctx.as('mediator', 'viewer');
        const colleague = await ctx.as('supervisor', 'colleague');
        const stream = await streamOf(colleague.cookie, other.baseUrl);
        const colleagueThere = await signInAs(other.app, colleague.staff);

        const res = await viewer.post(`/api/disputes/${dispute.id}/presence`).send({ tabId: tabId(1) });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
            disputeId: dispute.id,
            viewers: [{ staffId: viewer.staff.id, fullName: viewer.staff.fullName, role: 'mediator' }],
        });
        const joined = await stream.next(
            (e) => e.event === 'presence' && (e.data as { disputeId: number }).disputeId === dispute.id
        );
        expect((joined.data as { viewers: { staffId: number }[] }).viewers.map((v) => v.staffId)).toEqual([
            viewer.staff.id,
        ]);
        const seenThere = await colleagueThere.get(`/api/disputes/${dispute.id}/presence`);
        expect(seenThere.body.viewers.map((v: { staffId: number }) => v.staffId)).toEqual([viewer.staff.id]);

        expect(
            (await viewer.delete(`/api/disputes/${dispute.id}/presence`).send({ tabId: tabId(1) })).status
        ).toBe(204);
        await stream.next(
            (e) =>
                e.event === 'presence' &&
                (e.data as { disputeId: number; viewers: unknown[] }).disputeId === dispute.id &&
                (e.data as { viewers: unknown[] }).viewers.length === 0
        );
        expect((await viewer.get(`/api/disputes/${dispute.id}/presence`)).body.viewers).toEqual([]);
    });

    it('keeps a viewer with two tabs until both left', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'in_review' });
        const viewer = await ctx.as('support', 'two-tabs');
        const url = `/api/disputes/${dispute.id}/presence`;
        await viewer.post(url).send({ tabId: tabId(1) });
        await viewer.post(url).send({ tabId: tabId(2) });

        await viewer.delete(url).send({ tabId: tabId(1) });

        expect((await viewer.get(url)).body.viewers).toHaveLength(1);
    });

    it('forgets a viewer whose heartbeats stopped, after the presence expiry', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'in_review' });
        const viewer = await ctx.as('mediator', 'gone-quietly');
        const url = `/api/disputes/${dispute.id}/presence`;
        await viewer.post(url).send({ tabId: tabId(3) });

        ctx.clock.advance(PRESENCE_TTL_MS - 1_000);
        expect((await viewer.get(url)).body.viewers).toHaveLength(1);
        await viewer.post(url).send({ tabId: tabId(3) });
        ctx.clock.advance(PRESENCE_TTL_MS - 1_000);
        expect((await viewer.get(url)).body.viewers).toHaveLength(1);
        ctx.clock.advance(1_000);
        expect((await viewer.get(url)).body.viewers).toEqual([]);
    });

    it('refuses bad input with 400 and an unknown dispute with 404', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'in_review' });
        const viewer = await ctx.as('mediator', 'careless');

        const noTab = await viewer.post(`/api/disputes/${dispute.id}/presence`).send({});
        expect(noTab.status).toBe(400);
        expect(noTab.body.errors).toHaveProperty('tabId');
        const badTab = await viewer.post(`/api/disputes/${dispute.id}/presence`).send({ tabId: 'x y' });
        expect(badTab.status).toBe(400);
        const extra = await viewer
            .post(`/api/disputes/${dispute.id}/presence`)
            .send({ tabId: tabId(4), staffId: 1 });
        expect(extra.status).toBe(400);
        expect((await viewer.post('/api/disputes/abc/presence').send({ tabId: tabId(4) })).status).toBe(400);

        const unknown = await viewer.post('/api/disputes/999999/presence').send({ tabId: tabId(4) });
        expect(unknown.status).toBe(404);
        expect(unknown.body.message).toBe('Dispute #999999 does not exist');
        expect((await viewer.get('/api/disputes/999999/presence')).status).toBe(404);
        expect((await ctx.request().get(`/api/disputes/${dispute.id}/presence`)).status).toBe(401);
    });
});
