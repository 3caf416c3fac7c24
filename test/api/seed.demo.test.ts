import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { DisputeStatus } from '../../shared/domain';
import { percentOf } from '../../shared/money';
import { nextStatus, SLA_STATUSES, TRANSITIONS, type DisputeAction } from '../../shared/lifecycle';
import { configureAuditChain } from '../../server/src/audit/auditLog';
import { verifyChain } from '../../server/src/audit/auditVerify';
import { pauseSla, resumeSla, startSla } from '../../server/src/disputes/slaClock';
import { Buyer, Dispute, DisputeEvent, Offer, Order, Staff } from '../../server/src/entities';
import { DEMO_PASSWORD } from '../../server/src/seed/demoPlan';
import { seedDemo, type DemoSummary } from '../../server/src/seed/seedDemo';
import { signInAs } from '../helpers/agent';
import { createTestDatabase, type TestDatabase } from '../helpers/testDatabase';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** Seeding plays ~300 disputes through the domain, twice: far above the default timeouts. */
const SEEDING_MS = 600_000;

/** One moment for both seedings (the demo's dates follow it); close to the real clock. */
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);

let ctx: TestApp;
let second: TestDatabase;
let summary: DemoSummary;
let disputes: Dispute[];
let events: Map<number, DisputeEvent[]>;

beforeAll(async () => {
    ctx = await createTestApp();
    summary = await seedDemo(ctx.dataSource, ctx.config, NOW);
    second = await createTestDatabase();
    configureAuditChain(second.dataSource, second.dataDir);
    await seedDemo(second.dataSource, ctx.config, NOW);
    disputes = await ctx.dataSource.getRepository(Dispute).find({ order: { id: 'ASC' } });
    events = new Map();
    const timeline = await ctx.dataSource
        .getRepository(DisputeEvent)
        .find({ order: { occurredAt: 'ASC', id: 'ASC' } });
    for (const event of timeline) {
        if (!events.has(event.disputeId)) events.set(event.disputeId, []);
        events.get(event.disputeId)!.push(event);
    }
}, SEEDING_MS);

afterAll(async () => {
    await second?.drop();
    await ctx?.close();
});

const time = (date: Date | null) => (date === null ? null : new Date(date).toISOString());

describe('the demo seed', () => {
    it('gives the same rows when seeded twice with the same clock', async () => {
        const tables: Record<string, string[]> = {
            staff: ['passwordHash'],
            buyer: [],
            seller: [],
            order: [],
            dispute: [],
            dispute_event: [],
            offer: [],
            message: [],
            attachment: [],
            evidence_request: [],
            decision: [],
            refund: [],
            outbox_event: [],
            // The chain's hashes are keyed per database; its content must match.
            audit_event: ['hash', 'prevHash'],
        };
        const rows = async (dataSource: DataSource, table: string, without: string[]) => {
            const all = (await dataSource.query(`SELECT * FROM "${table}" ORDER BY id`)) as Record<
                string,
                unknown
            >[];
            return all.map((row) => {
                const copy = { ...row };
                for (const column of without) delete copy[column];
                return copy;
            });
        };
        for (const [table, without] of Object.entries(tables)) {
            const first = await rows(ctx.dataSource, table, without);
            // Compared before any request reaches the first database's app.
            const other = await rows(second.dataSource, table, without);
            expect(first.slice(0, other.length), table).toEqual(other);
            if (!['audit_event', 'staff'].includes(table)) expect(first.length, table).toBe(other.length);
        }
    });
    it('writes disputes in every state of the lifecycle', () => {
        expect(summary.disputes).toBe(disputes.length);
        const statuses = new Set(disputes.map((d) => d.status));
        const expected: DisputeStatus[] = [
            'opened',
            'negotiating',
            'escalated',
            'in_review',
            'awaiting_evidence',
            'pending_approval',
            'decided',
            'closed',
            'resolved',
            'withdrawn',
        ];
        expect([...statuses].sort()).toEqual([...expected].sort());
    });

    it('leaves an audit chain that verifies, with one audit event per timeline event', async () => {
        const report = await verifyChain(ctx.dataSource);
        expect(report.firstBroken).toBeNull();
        expect(report.ok).toBe(true);
        const timelineEvents = [...events.values()].reduce((n, list) => n + list.length, 0);
        const [{ n }] = (await ctx.dataSource.query(
            `SELECT COUNT(*) AS "n" FROM audit_event WHERE entity = 'dispute'`
        )) as { n: unknown }[];
        expect(Number(n)).toBe(timelineEvents);
        expect(report.checked).toBeGreaterThanOrEqual(timelineEvents);
    });

    it('lets the demo supervisor sign in and verify the audit log through the API', async () => {
        const supervisor = await ctx.dataSource
            .getRepository(Staff)
            .findOneByOrFail({ email: 'supervisor@example.com' });
        const agent = await signInAs(ctx.app, supervisor, DEMO_PASSWORD);
        const res = await agent.get('/api/audit-events/verify');
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ ok: true, firstBroken: null });
    });

    it("ends every dispute's timeline in the dispute's status", () => {
        for (const dispute of disputes) {
            const timeline = events.get(dispute.id) ?? [];
            expect(timeline[0]?.action, `dispute ${dispute.id}`).toBe('open');
            expect(timeline.at(-1)?.toStatus, `dispute ${dispute.id}`).toBe(dispute.status);
        }
    });

    it('only takes moves the transitions table allows, each from where the previous one ended', () => {
        for (const dispute of disputes) {
            let status: DisputeStatus | null = null;
            let assigneeId: number | null = null;
            for (const event of events.get(dispute.id) ?? []) {
                const where = `dispute ${dispute.id}, event ${event.id} (${event.action})`;
                expect(event.fromStatus, where).toBe(status);
                const transition = TRANSITIONS[event.action as DisputeAction];
                if (transition) {
                    expect(transition.from, where).toContain(event.fromStatus);
                    expect(transition.by, where).toContain(event.actorKind);
                    const to = nextStatus(event.action as DisputeAction, {
                        status: event.fromStatus!,
                        assigneeId,
                    });
                    expect(event.toStatus, where).toBe(to);
                } else {
                    // Events that are not moves (opening, SLA breaches) change no status.
                    expect(event.toStatus, where).toBe(event.action === 'open' ? 'opened' : status);
                }
                if (['pickup', 'assign'].includes(event.action)) assigneeId = event.actorStaffId;
                if (['release', 'withdraw', 'reopen'].includes(event.action)) assigneeId = null;
                status = event.toStatus;
            }
        }
    });

    it('has SLA deadlines of escalated and reviewed disputes as the SLA clock computes them', async () => {
        const policy = ctx.config.policy;
        const running = disputes.filter((d) => SLA_STATUSES.includes(d.status));
        expect(running.length).toBeGreaterThan(50);
        for (const dispute of running) {
            const timeline = events.get(dispute.id) ?? [];
            const escalation = timeline.find((e) => ['escalate', 'auto_escalate'].includes(e.action))!;
            expect(time(dispute.escalatedAt)).toBe(time(escalation.occurredAt));
            let sla = { ...startSla(new Date(escalation.occurredAt), policy) };
            for (const event of timeline) {
                const at = new Date(event.occurredAt);
                if (event.action === 'request_evidence') sla = { ...sla, ...pauseSla(sla as never, at) };
                if (event.action === 'evidence_complete') sla = { ...sla, ...resumeSla(sla as never, at) };
            }
            const where = `dispute ${dispute.id} (${dispute.status})`;
            expect(time(dispute.slaDueAt), where).toBe(time(sla.slaDueAt!));
            expect(time(dispute.slaHardDueAt), where).toBe(time(sla.slaHardDueAt!));
            expect(time(dispute.slaPausedAt), where).toBe(time(sla.slaPausedAt ?? null));
            // A running SLA past its target was flagged, at the moment it passed.
            const overdue = !dispute.slaPausedAt && new Date(dispute.slaDueAt!) <= NOW;
            expect(time(dispute.slaTargetBreachedAt), where).toBe(overdue ? time(dispute.slaDueAt) : null);
        }
        expect(running.some((d) => d.slaTargetBreachedAt)).toBe(true);
        expect(running.some((d) => d.status === 'awaiting_evidence' && d.slaPausedAt)).toBe(true);
    });
});

describe('the demo texts agree with their records', () => {
    it('offers a return only for the full price, and the note says what the offer is', async () => {
        const offers = await ctx.dataSource.getRepository(Offer).find();
        const orders = new Map(
            (await ctx.dataSource.getRepository(Order).find()).map((order) => [order.id, order])
        );
        const disputeById = new Map(disputes.map((d) => [d.id, d]));
        expect(offers.length).toBeGreaterThan(100);
        for (const offer of offers) {
            const dispute = disputeById.get(offer.disputeId)!;
            const { total } = orders.get(dispute.orderId)!;
            const note = offer.note ?? '';
            const where = `offer ${offer.id}: ${offer.solution} ${offer.amount}/${total} "${note}"`;
            if (offer.solution.startsWith('full')) {
                expect(offer.amount, where).toBe(total);
                expect(note, where).not.toMatch(/%|half|part of/i);
            } else {
                expect(offer.amount, where).toBeLessThan(total);
                expect(note, where).not.toMatch(/full refund|send the item back/i);
                const percent = /(\d+)%/.exec(note)?.[1];
                if (percent) expect(offer.amount, where).toBe(percentOf(total, Number(percent)));
                if (/half/i.test(note)) expect(offer.amount, where).toBe(percentOf(total, 50));
            }
            if (offer.solution.endsWith('_return')) expect(dispute.goodsReceived, where).toBe(true);
        }
    });

    it('never speaks of damage or photos of the item on a dispute whose goods never arrived', async () => {
        const notReceived = disputes.filter((d) => !d.goodsReceived);
        expect(notReceived.length).toBeGreaterThan(50);
        const ids = notReceived.map((d) => d.id);
        const texts = [
            ...((await ctx.dataSource.query(
                `SELECT "disputeId", body AS "text" FROM message WHERE "disputeId" IN (${ids.join(',')})`
            )) as { disputeId: number; text: string }[]),
            ...((await ctx.dataSource.query(
                `SELECT "disputeId", note AS "text" FROM offer WHERE "disputeId" IN (${ids.join(',')})`
            )) as { disputeId: number; text: string | null }[]),
            ...((await ctx.dataSource.query(
                `SELECT "disputeId", "rationaleBuyer" || ' ' || "rationaleSeller" AS "text" FROM decision WHERE "disputeId" IN (${ids.join(',')})`
            )) as { disputeId: number; text: string }[]),
            ...notReceived.map((d) => ({ disputeId: d.id, text: d.description })),
        ];
        expect(texts.length).toBeGreaterThan(notReceived.length);
        for (const { disputeId, text } of texts) {
            expect(text ?? '', `dispute ${disputeId}`).not.toMatch(
                /transit damage|damaged|broken|defect|cracked|unusable|keep the item|the photos|size chart/i
            );
        }
    });

    it('gives Russian and Kazakh buyers a surname of their first name’s gender', async () => {
        const women = ['Anna', 'Elena', 'Olga', 'Tatiana', 'Irina', 'Aigerim', 'Dana', 'Aruzhan', 'Madina'];
        const buyers = await ctx.dataSource.getRepository(Buyer).find();
        const gendered = buyers.filter((b) => b.country === 'RU' || b.country === 'KZ');
        expect(gendered.length).toBeGreaterThan(20);
        for (const { name } of gendered) {
            const [first, last] = name.split(' ');
            const female = women.includes(first);
            expect(/(ov|ev|in)a$/.test(last), name).toBe(female);
            expect(/(ov|ev|in)a?$/.test(last), name).toBe(true);
        }
        expect(gendered.some((b) => women.includes(b.name.split(' ')[0]))).toBe(true);
        expect(gendered.some((b) => !women.includes(b.name.split(' ')[0]))).toBe(true);
    });
});
