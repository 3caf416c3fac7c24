import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispute, Order } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import { buildBuyer, buildDispute, buildOrder, buildSeller } from '../helpers/factories';
import { contentRange, idsOf, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** The free-text `q` filter of the dispute list: ids, order numbers, party names, description. */
let ctx: TestApp;
let api: Agent;

interface Made {
    dispute: Dispute;
    order: Order;
}
const made: Record<string, Made> = {};

/** A dispute whose searchable texts hold no digits, so that a numeric search only finds ids. */
async function make(
    key: string,
    texts: { buyer?: string; seller?: string; externalId?: string; description?: string },
    fields: Partial<Dispute> = {}
) {
    const buyer = await buildBuyer(ctx.dataSource, { name: texts.buyer ?? `Buyer ${key}` });
    const seller = await buildSeller(ctx.dataSource, { storeName: texts.seller ?? `Store ${key}` });
    const order = await buildOrder(ctx.dataSource, {
        buyer,
        seller,
        externalId: texts.externalId ?? `AE-${key.toUpperCase()}`,
    });
    const dispute = await buildDispute(ctx.dataSource, {
        order,
        description: texts.description ?? `Claim ${key}`,
        ...fields,
    });
    made[key] = { dispute, order };
}

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    // An order without a dispute, so that order ids and dispute ids differ.
    await buildOrder(ctx.dataSource, { externalId: 'AE-LONELY' });
    await make('olga', { buyer: 'Olga Smirnova', description: 'Screen cracked on arrival' });
    await make('acme', { seller: 'Acme Gadgets Store', externalId: 'AE-KXQ-ZULU' });
    await make('percent', { description: 'Refund 50% of the price please' }, { status: 'escalated' });
    await make('plain', { description: 'Refund 50 of the price please' }, { status: 'escalated' });
    await make('underscore', { description: 'Label says size_xl' });
    await make('letter', { description: 'Label says sizeAxl' });
    await make('backslash', { description: 'Photo saved as C:\\temp\\box' });
    await make('ivan', { buyer: 'Иван Петров', description: 'Товар не пришёл' });
});

afterAll(() => ctx?.close());

async function search(q: string, filter: Record<string, unknown> = {}) {
    const res = await api.get(listUrl('/api/disputes', { filter: { ...filter, q }, sort: ['id', 'ASC'] }));
    expect(res.status).toBe(200);
    return res;
}

const idOf = (key: string) => made[key].dispute.id;
const ascending = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe('GET /api/disputes?filter={"q":…}', () => {
    it('finds a dispute by its id', async () => {
        const { dispute } = made.acme;
        const expected = Object.values(made)
            .filter((m) => m.dispute.id === dispute.id || m.order.id === dispute.id)
            .map((m) => m.dispute.id);

        const res = await search(String(dispute.id));

        expect(idsOf(res)).toEqual(ascending(expected));
        expect(idsOf(res)).toContain(dispute.id);
    });

    it('finds a dispute by the id of its order', async () => {
        const { order } = made.olga;
        expect(order.id).not.toBe(made.olga.dispute.id);
        const expected = Object.values(made)
            .filter((m) => m.dispute.id === order.id || m.order.id === order.id)
            .map((m) => m.dispute.id);

        const res = await search(String(order.id));

        expect(idsOf(res)).toEqual(ascending(expected));
        expect(idsOf(res)).toContain(idOf('olga'));
    });

    it("finds a dispute by the marketplace's order number, ignoring case", async () => {
        const res = await search('ae-kxq-zulu');

        expect(idsOf(res)).toEqual([idOf('acme')]);
    });

    it('finds a dispute by part of the buyer name, ignoring case', async () => {
        const res = await search('SMIRNOV');

        expect(idsOf(res)).toEqual([idOf('olga')]);
    });

    it('finds a dispute by part of the seller name, ignoring case', async () => {
        const res = await search('acme gadgets');

        expect(idsOf(res)).toEqual([idOf('acme')]);
    });

    it('finds a dispute by words of its description, ignoring case', async () => {
        const res = await search('CRACKED ON');

        expect(idsOf(res)).toEqual([idOf('olga')]);
    });

    it('finds every dispute that matches, with the total', async () => {
        const res = await search('refund 50');

        expect(idsOf(res)).toEqual(ascending([idOf('percent'), idOf('plain')]));
        expect(contentRange(res).total).toBe(2);
    });

    it('treats % literally', async () => {
        const res = await search('50%');

        expect(idsOf(res)).toEqual([idOf('percent')]);
    });

    it('treats _ literally', async () => {
        const res = await search('size_xl');

        expect(idsOf(res)).toEqual([idOf('underscore')]);
    });

    it('treats a backslash literally', async () => {
        const res = await search('C:\\temp');

        expect(idsOf(res)).toEqual([idOf('backslash')]);
    });

    it('finds non-Latin names written as stored', async () => {
        const res = await search('Петров');

        expect(idsOf(res)).toEqual([idOf('ivan')]);
    });

    it('finds non-Latin names and descriptions regardless of case', async () => {
        const byName = await search('иван');
        const byDescription = await search('ТОВАР');

        expect(idsOf(byName)).toEqual([idOf('ivan')]);
        expect(idsOf(byDescription)).toEqual([idOf('ivan')]);
    });

    it('combines the search with the other filters', async () => {
        const res = await search('refund', { status: 'escalated', id: [idOf('plain'), idOf('olga')] });

        expect(idsOf(res)).toEqual([idOf('plain')]);
    });

    it('ignores a blank search', async () => {
        const all = await api.get(listUrl('/api/disputes', { range: [0, 999] }));

        const res = await search('   ');

        expect(contentRange(res).total).toBe(contentRange(all).total);
        expect(contentRange(all).total).toBe(Object.keys(made).length);
    });

    it('answers an empty list with a zero total when nothing matches', async () => {
        const res = await search('no such words anywhere');

        expect(res.body).toEqual([]);
        expect(contentRange(res).total).toBe(0);
    });
});
