import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispute, Order, Staff } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import {
    buildBuyer,
    buildDispute,
    buildOrder,
    buildStaff,
    daysFromNow,
    plusDays,
} from '../helpers/factories';
import { contentRange, idsOf, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** Range, boolean, null and joined-field filters of the dispute list, and sorting on joined fields. */
let ctx: TestApp;
let api: Agent;
let mediators: Staff[];

interface Made {
    dispute: Dispute;
    order: Order;
    flagged: boolean;
    country: string;
}
const made: Made[] = [];

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    const ds = ctx.dataSource;
    mediators = [await buildStaff(ds, { role: 'mediator' }), await buildStaff(ds, { role: 'mediator' })];
    const statuses = [
        'escalated',
        'escalated',
        'escalated',
        'in_review',
        'opened',
        'negotiating',
        'in_review',
    ];
    for (const [i, status] of statuses.entries()) {
        const flagged = i % 3 === 1;
        const country = ['RU', 'DE', 'US', 'DE'][i % 4];
        const buyer = await buildBuyer(ds, { flagged, country });
        const order = await buildOrder(ds, { buyer, unitPrice: 1000 + ((i * 3) % 7) * 1000 });
        const dispute = await buildDispute(ds, {
            order,
            status: status as Dispute['status'],
            goodsReceived: i % 2 === 0,
            requestedAmount: order.total - i * 10,
            openedAt: daysFromNow(-20 + i * 2),
            ...(status === 'opened' || status === 'negotiating'
                ? {}
                : { escalatedAt: daysFromNow(-10 + ((i * 4) % 7)) }),
            assigneeId: status === 'in_review' ? mediators[i % 2].id : null,
        });
        made.push({ dispute, order, flagged, country });
    }
});

afterAll(() => ctx?.close());

async function list(filter: Record<string, unknown>, sort: [string, string] = ['id', 'ASC']) {
    const res = await api.get(listUrl('/api/disputes', { filter, sort, range: [0, 999] }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(contentRange(res).total).toBe(res.body.length);
    return res;
}

function idsWhere(predicate: (m: Made) => boolean): number[] {
    const ids = made.filter(predicate).map((m) => m.dispute.id);
    expect(ids.length, 'the data has matching disputes').toBeGreaterThan(0);
    expect(ids.length, 'the data has disputes that do not match').toBeLessThan(made.length);
    return ids.sort((a, b) => a - b);
}

/** The values of a field across the data, ascending, to take filter bounds from. */
function sortedTimes(pick: (m: Made) => Date | null): Date[] {
    return made
        .map(pick)
        .filter((d): d is Date => d !== null)
        .sort((a, b) => a.getTime() - b.getTime());
}

describe('GET /api/disputes with range filters', () => {
    it('filters openedAt_gte and openedAt_lte inclusively', async () => {
        const times = sortedTimes((m) => m.dispute.openedAt);
        const [from, to] = [times[1], times[4]];

        const res = await list({ openedAt_gte: from.toISOString(), openedAt_lte: to.toISOString() });

        expect(idsOf(res)).toEqual(idsWhere((m) => m.dispute.openedAt >= from && m.dispute.openedAt <= to));
    });

    it('filters openedAt with one bound only', async () => {
        const from = sortedTimes((m) => m.dispute.openedAt)[3];

        const res = await list({ openedAt_gte: from.toISOString() });

        expect(idsOf(res)).toEqual(idsWhere((m) => m.dispute.openedAt >= from));
    });

    it('reads a date bound given with a UTC offset as the same instant', async () => {
        const to = sortedTimes((m) => m.dispute.openedAt)[2];
        const inMoscow = new Date(to.getTime() + 3 * 3_600_000).toISOString().replace('Z', '+03:00');

        const res = await list({ openedAt_lte: inMoscow });

        expect(idsOf(res)).toEqual(idsWhere((m) => m.dispute.openedAt <= to));
    });

    it('filters slaDueAt ranges, leaving out disputes without an SLA', async () => {
        const times = sortedTimes((m) => m.dispute.slaDueAt);
        const [from, to] = [times[1], plusDays(times[times.length - 1], -0.001)];

        const res = await list({ slaDueAt_gte: from.toISOString(), slaDueAt_lte: to.toISOString() });

        expect(idsOf(res)).toEqual(
            idsWhere(
                (m) => m.dispute.slaDueAt !== null && m.dispute.slaDueAt >= from && m.dispute.slaDueAt <= to
            )
        );
    });

    it('filters orderTotal_gte and orderTotal_lte inclusively', async () => {
        const totals = made.map((m) => m.order.total).sort((a, b) => a - b);
        const [min, max] = [totals[1], totals[4]];

        const res = await list({ orderTotal_gte: min, orderTotal_lte: max });

        expect(idsOf(res)).toEqual(idsWhere((m) => m.order.total >= min && m.order.total <= max));
        for (const record of res.body) expect(record.orderTotal).toBeGreaterThanOrEqual(min);
    });

    it('filters requestedAmount ranges given as numbers or numeric strings', async () => {
        const amounts = made.map((m) => m.dispute.requestedAmount).sort((a, b) => a - b);
        const min = amounts[2];

        const asNumber = await list({ requestedAmount_gte: min });
        const asString = await list({ requestedAmount_gte: String(min) });

        expect(idsOf(asNumber)).toEqual(idsWhere((m) => m.dispute.requestedAmount >= min));
        expect(idsOf(asString)).toEqual(idsOf(asNumber));
    });

    it('matches nothing for an empty window', async () => {
        const res = await list({ openedAt_gte: daysFromNow(1).toISOString() });

        expect(res.body).toEqual([]);
    });
});

describe('GET /api/disputes with boolean, null and joined filters', () => {
    it.each([true, false])('filters goodsReceived = %s', async (value) => {
        const res = await list({ goodsReceived: value });

        expect(idsOf(res)).toEqual(idsWhere((m) => m.dispute.goodsReceived === value));
        for (const record of res.body) expect(record.goodsReceived).toBe(value);
    });

    it('filters flagged buyers through the buyer join', async () => {
        const res = await list({ buyerFlagged: true });

        expect(idsOf(res)).toEqual(idsWhere((m) => m.flagged));
        for (const record of res.body) expect(record.buyerFlagged).toBe(true);
    });

    it('filters by buyer country through the buyer join', async () => {
        const res = await list({ buyerCountry: ['RU', 'US'] });

        expect(idsOf(res)).toEqual(idsWhere((m) => m.country === 'RU' || m.country === 'US'));
    });

    it('finds unassigned disputes with assigneeId null', async () => {
        const res = await list({ assigneeId: null });

        expect(idsOf(res)).toEqual(idsWhere((m) => m.dispute.assigneeId === null));
        for (const record of res.body) expect(record.assigneeId).toBeNull();
    });

    it("finds one mediator's disputes by assigneeId", async () => {
        const res = await list({ assigneeId: mediators[1].id });

        expect(idsOf(res)).toEqual(idsWhere((m) => m.dispute.assigneeId === mediators[1].id));
        for (const record of res.body) expect(record.assigneeName).toBe(mediators[1].fullName);
    });

    it('answers the queue: escalated, unassigned, most urgent SLA first', async () => {
        const res = await list({ status: 'escalated', assigneeId: null }, ['slaDueAt', 'ASC']);

        const expected = made
            .filter((m) => m.dispute.status === 'escalated' && m.dispute.assigneeId === null)
            .sort((a, b) => a.dispute.slaDueAt!.getTime() - b.dispute.slaDueAt!.getTime())
            .map((m) => m.dispute.id);
        expect(idsOf(res)).toEqual(expected);
    });
});

describe('GET /api/disputes sorted by joined fields', () => {
    it.each(['ASC', 'DESC'] as const)('sorts by orderTotal %s', async (order) => {
        const res = await list({}, ['orderTotal', order]);

        const sign = order === 'ASC' ? 1 : -1;
        const expected = [...made]
            .sort((a, b) => sign * (a.order.total - b.order.total || a.dispute.id - b.dispute.id))
            .map((m) => m.dispute.id);
        expect(idsOf(res)).toEqual(expected);
    });

    it('sorts disputes without an SLA last ascending and first descending, on either database', async () => {
        const asc = await list({}, ['slaDueAt', 'ASC']);
        const desc = await list({}, ['slaDueAt', 'DESC']);

        const withoutSla = made.filter((m) => m.dispute.slaDueAt === null).length;
        expect(withoutSla).toBeGreaterThan(0);
        const ascDue = asc.body.map((r: { slaDueAt: string | null }) => r.slaDueAt);
        const descDue = desc.body.map((r: { slaDueAt: string | null }) => r.slaDueAt);
        expect(ascDue.slice(-withoutSla)).toEqual(Array(withoutSla).fill(null));
        expect(descDue.slice(0, withoutSla)).toEqual(Array(withoutSla).fill(null));
    });

    it.each(['ASC', 'DESC'] as const)('sorts by openedAt %s', async (order) => {
        const res = await list({}, ['openedAt', order]);

        const sign = order === 'ASC' ? 1 : -1;
        const expected = [...made]
            .sort((a, b) => sign * (a.dispute.openedAt.getTime() - b.dispute.openedAt.getTime()))
            .map((m) => m.dispute.id);
        expect(idsOf(res)).toEqual(expected);
    });
});
