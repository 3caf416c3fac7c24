import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import type { Agent } from '../helpers/agent';
import {
    buildAttachment,
    buildAuditEvent,
    buildBuyer,
    buildDecision,
    buildEvidenceRequest,
    buildMessage,
    buildOrder,
    buildSeller,
    buildStaff,
} from '../helpers/factories';
import { contentRange, idsOf, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** The free-text `q` filter of the resources other than disputes, and their joined fields. */
let ctx: TestApp;
let api: Agent;

type SearchCase = [
    resource: string,
    what: string,
    q: string,
    build: (ds: DataSource) => Promise<{ id: number }>,
];

const CASES: SearchCase[] = [
    [
        'orders',
        'marketplace order number',
        'ae-zx-order',
        (ds) => buildOrder(ds, { externalId: 'AE-ZX-ORDER' }),
    ],
    ['orders', 'product title', 'WIRELESS EAR', (ds) => buildOrder(ds, { productTitle: 'Wireless earbuds' })],
    ['orders', 'tracking number', 'rr-track-cn', (ds) => buildOrder(ds, { trackingNumber: 'RR-TRACK-CN' })],
    [
        'orders',
        'buyer name',
        'quentin',
        async (ds) => buildOrder(ds, { buyer: await buildBuyer(ds, { name: 'Quentin Blake' }) }),
    ],
    [
        'orders',
        'seller name',
        'zephyr',
        async (ds) => buildOrder(ds, { seller: await buildSeller(ds, { storeName: 'Zephyr Shop' }) }),
    ],
    ['buyers', 'name', 'ANASTASIA', (ds) => buildBuyer(ds, { name: 'Anastasia Volkova' })],
    ['buyers', 'marketplace id', 'bx-quartz', (ds) => buildBuyer(ds, { externalId: 'BX-QUARTZ' })],
    ['sellers', 'store name', 'mega outlet', (ds) => buildSeller(ds, { storeName: 'Mega Outlet Official' })],
    ['staff', 'email', 'NADIA@', (ds) => buildStaff(ds, { email: 'nadia@test.example' })],
    ['staff', 'full name', 'okafor', (ds) => buildStaff(ds, { fullName: 'Chidi Okafor' })],
    [
        'messages',
        'body',
        'TRACKING STOPPED',
        (ds) => buildMessage(ds, { body: 'The tracking stopped in Minsk' }),
    ],
    ['attachments', 'file name', 'unboxing', (ds) => buildAttachment(ds, { fileName: 'Unboxing.MP4' })],
    [
        'evidence-requests',
        'message',
        'customs declaration',
        (ds) => buildEvidenceRequest(ds, { message: 'Please send the Customs Declaration' }),
    ],
    [
        'decisions',
        'rationale for the buyer',
        'seal was broken',
        (ds) => buildDecision(ds, { rationaleBuyer: 'The seal was broken on delivery.' }),
    ],
    [
        'decisions',
        'rationale for the seller',
        'courier photo',
        (ds) => buildDecision(ds, { rationaleSeller: 'The courier photo shows the damage.' }),
    ],
    [
        'audit-events',
        'action',
        'REFUND.COMPLETED',
        (ds) => buildAuditEvent(ds, { action: 'refund.completed' }),
    ],
    ['audit-events', 'entity id', 'ext-4711x', (ds) => buildAuditEvent(ds, { entityId: 'ext-4711x' })],
];

const targets = new Map<string, number>();

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    for (const [resource, what, , build] of CASES) {
        targets.set(`${resource} ${what}`, (await build(ctx.dataSource)).id);
    }
});

afterAll(() => ctx?.close());

describe.each(CASES)('GET /api/%s?filter={"q":…}', (resource, what, q) => {
    it(`finds a record by its ${what}, ignoring case`, async () => {
        const res = await api.get(listUrl(`/api/${resource}`, { filter: { q } }));

        expect(res.status).toBe(200);
        expect(idsOf(res)).toEqual([targets.get(`${resource} ${what}`)]);
        expect(contentRange(res).total).toBe(1);
    });
});

describe('searching by number', () => {
    it.each(['orders', 'buyers', 'sellers', 'staff'])('finds %s by id', async (resource) => {
        const [, what] = CASES.find(([name]) => name === resource)!;
        const id = targets.get(`${resource} ${what}`)!;

        const res = await api.get(listUrl(`/api/${resource}`, { filter: { q: String(id) } }));

        expect(idsOf(res)).toContain(id);
        for (const record of res.body) expect(JSON.stringify(record)).toContain(String(id));
    });
});

describe('joined fields', () => {
    it('give orders their buyer and seller names', async () => {
        const id = targets.get('orders buyer name')!;

        const res = await api.get(`/api/orders/${id}`);

        expect(res.body.buyerName).toBe('Quentin Blake');
        expect(res.body.sellerName).toMatch(/^Store \d+$/);
    });

    it('give staff messages the name of their author, and others none', async () => {
        const author = await buildStaff(ctx.dataSource, { fullName: 'Petra Support', role: 'support' });
        const byStaff = await buildMessage(ctx.dataSource, { authorKind: 'staff', authorStaffId: author.id });
        const byBuyer = await buildMessage(ctx.dataSource, { authorKind: 'buyer' });

        const res = await api.get(listUrl('/api/messages', { filter: { id: [byStaff.id, byBuyer.id] } }));

        const names = Object.fromEntries(
            res.body.map((m: { id: number; authorName: string }) => [m.id, m.authorName])
        );
        expect(names).toEqual({ [byStaff.id]: 'Petra Support', [byBuyer.id]: null });
    });

    it.each(['ASC', 'DESC'] as const)('sort orders by buyer name %s', async (order) => {
        const res = await api.get(listUrl('/api/orders', { sort: ['buyerName', order], range: [0, 999] }));

        expect(res.status).toBe(200);
        const names: string[] = res.body.map((o: { buyerName: string }) => o.buyerName);
        expect(names).toHaveLength(contentRange(res).total);
        expect(names).toContain('Quentin Blake');
        // "Buyer <n>" and "Quentin Blake" sort the same under every collation.
        const ascending = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(names).toEqual(order === 'ASC' ? ascending : ascending.reverse());
    });
});
