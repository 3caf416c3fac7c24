import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Staff, type Buyer, type Dispute, type Order, type Seller } from '../../server/src/entities';
import type { Agent } from '../helpers/agent';
import {
    buildAttachment,
    buildAuditEvent,
    buildBuyer,
    buildDecision,
    buildDispute,
    buildEvidenceRequest,
    buildOrder,
    buildSeller,
    buildStaff,
} from '../helpers/factories';
import { idsOf, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';

/** What a record looks like on the wire: joined fields, types, and what never leaves the server. */
let ctx: TestApp;
let api: Agent;
let mediator: Staff;
let buyer: Buyer;
let seller: Seller;
let order: Order;
let assigned: Dispute;
let unassigned: Dispute;

beforeAll(async () => {
    ctx = await createTestApp();
    api = await ctx.as('supervisor');
    const ds = ctx.dataSource;
    mediator = await buildStaff(ds, { role: 'mediator', fullName: 'Maria Mediator' });
    buyer = await buildBuyer(ds, { name: 'Olga Smirnova', country: 'RU', flagged: true });
    seller = await buildSeller(ds, { storeName: 'Acme Gadgets' });
    order = await buildOrder(ds, { buyer, seller, unitPrice: 45_990, quantity: 2, currency: 'RUB' });
    assigned = await buildDispute(ds, {
        order,
        status: 'in_review',
        reason: 'damaged_in_transit',
        goodsReceived: true,
        requestedAmount: 30_000,
        assigneeId: mediator.id,
    });
    unassigned = await buildDispute(ds, {
        status: 'escalated',
        goodsReceived: false,
        reason: 'held_by_customs',
    });
});

afterAll(() => ctx?.close());

describe('dispute records', () => {
    it('carry what the queue shows, from the order, the parties and the assignee', async () => {
        const res = await api.get(listUrl('/api/disputes', { filter: { id: [assigned.id] } }));

        expect(res.status).toBe(200);
        expect(res.body[0]).toMatchObject({
            id: assigned.id,
            orderId: order.id,
            orderTotal: order.total,
            currency: 'RUB',
            buyerId: buyer.id,
            buyerName: 'Olga Smirnova',
            buyerCountry: 'RU',
            buyerFlagged: true,
            sellerId: seller.id,
            sellerName: 'Acme Gadgets',
            assigneeId: mediator.id,
            assigneeName: 'Maria Mediator',
            reason: 'damaged_in_transit',
            status: 'in_review',
            requestedAmount: 30_000,
            slaDueAt: assigned.slaDueAt!.toISOString(),
        });
    });

    it('carry null for the assignee of an unassigned dispute', async () => {
        const res = await api.get(`/api/disputes/${unassigned.id}`);

        expect(res.body.assigneeId).toBeNull();
        expect(res.body.assigneeName).toBeNull();
    });

    it('give dates as ISO 8601 strings in UTC, and null when unset', async () => {
        const res = await api.get(`/api/disputes/${unassigned.id}`);

        expect(res.body.openedAt).toBe(unassigned.openedAt.toISOString());
        expect(res.body.escalatedAt).toBe(unassigned.escalatedAt!.toISOString());
        expect(res.body.slaHardDueAt).toBe(unassigned.slaHardDueAt!.toISOString());
        expect(res.body.decidedAt).toBeNull();
        expect(res.body.openedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('give booleans as booleans and amounts as numbers', async () => {
        const res = await api.get(`/api/disputes/${unassigned.id}`);

        expect(res.body.goodsReceived).toBe(false);
        expect(res.body.offerAccepted).toBe(false);
        expect(res.body.buyerFlagged).toBe(false);
        expect(res.body.orderTotal).toBeTypeOf('number');
        expect(res.body.requestedAmount).toBeTypeOf('number');
        expect(res.body.version).toBe(1);
    });

    it('never carry the hash of the assignee password', async () => {
        const hash = await storedHash(mediator.id);

        const res = await api.get(listUrl('/api/disputes', { filter: { assigneeId: mediator.id } }));

        expect(res.text).not.toContain(hash);
    });
});

async function storedHash(id: number): Promise<string> {
    const staff = await ctx.dataSource
        .getRepository(Staff)
        .createQueryBuilder('staff')
        .addSelect('staff.passwordHash')
        .where('staff.id = :id', { id })
        .getOneOrFail();
    expect(staff.passwordHash).toBeTruthy();
    return staff.passwordHash;
}

describe('staff records', () => {
    const HASHY = /password|hash|salt|secret|token/i;

    it('never include a password hash, nor any other hash, in the list', async () => {
        const res = await api.get(listUrl('/api/staff', { range: [0, 999] }));

        expect(res.status).toBe(200);
        expect(idsOf(res)).toContain(mediator.id);
        for (const record of res.body) {
            expect(Object.keys(record).filter((key) => HASHY.test(key))).toEqual([]);
            expect(res.text).not.toContain(await storedHash(record.id));
        }
    });

    it('never include a password hash in a single record', async () => {
        expect(await storedHash(mediator.id)).toMatch(/^scrypt\$/);

        const res = await api.get(`/api/staff/${mediator.id}`);

        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
            id: mediator.id,
            email: mediator.email,
            role: 'mediator',
            active: true,
        });
        expect(Object.keys(res.body).filter((key) => HASHY.test(key))).toEqual([]);
        expect(res.text).not.toContain(await storedHash(mediator.id));
    });

    it('refuse to filter or sort on the password hash', async () => {
        const byFilter = await api.get(listUrl('/api/staff', { filter: { passwordHash: 'x' } }));
        const bySort = await api.get(listUrl('/api/staff', { sort: ['passwordHash', 'ASC'] }));

        expect(byFilter.status).toBe(400);
        expect(bySort.status).toBe(400);
    });
});

describe('JSON fields', () => {
    it('give decision.evidenceIds as an array of numbers', async () => {
        const photo = await buildAttachment(ctx.dataSource, { disputeId: assigned.id });
        const video = await buildAttachment(ctx.dataSource, { disputeId: assigned.id, kind: 'video' });
        const decision = await buildDecision(ctx.dataSource, {
            disputeId: assigned.id,
            mediatorId: mediator.id,
            evidenceIds: [photo.id, video.id],
        });

        const one = await api.get(`/api/decisions/${decision.id}`);
        const many = await api.get(listUrl('/api/decisions', { filter: { disputeId: assigned.id } }));

        expect(one.body.evidenceIds).toEqual([photo.id, video.id]);
        expect(many.body.find((d: { id: number }) => d.id === decision.id).evidenceIds).toEqual([
            photo.id,
            video.id,
        ]);
        expect(one.body.mediatorName).toBe('Maria Mediator');
        expect(one.body.returnRequired).toBe(false);
    });

    it('give an empty evidence list as an empty array', async () => {
        const decision = await buildDecision(ctx.dataSource, { evidenceIds: [] });

        const res = await api.get(`/api/decisions/${decision.id}`);

        expect(res.body.evidenceIds).toEqual([]);
    });

    it('give audit before/after as objects, and null when absent', async () => {
        const event = await buildAuditEvent(ctx.dataSource, {
            before: { status: 'escalated', assigneeId: null },
            after: { status: 'in_review', assigneeId: mediator.id },
        });
        const created = await buildAuditEvent(ctx.dataSource, { before: null, after: { id: 7 } });

        const res = await api.get(listUrl('/api/audit-events', { filter: { id: [event.id, created.id] } }));

        const byId = new Map(res.body.map((e: { id: number }) => [e.id, e]));
        expect(byId.get(event.id)).toMatchObject({
            before: { status: 'escalated', assigneeId: null },
            after: { status: 'in_review', assigneeId: mediator.id },
            occurredAt: event.occurredAt.toISOString(),
        });
        expect(byId.get(created.id)).toMatchObject({ before: null, after: { id: 7 } });
    });
});

describe('other record types', () => {
    it('give evidence-request booleans as booleans and due dates as ISO strings', async () => {
        const request = await buildEvidenceRequest(ctx.dataSource, {
            disputeId: assigned.id,
            requestedFrom: 'both',
            buyerAnswered: true,
        });

        const res = await api.get(`/api/evidence-requests/${request.id}`);

        expect(res.body).toMatchObject({
            disputeId: assigned.id,
            buyerAnswered: true,
            sellerAnswered: false,
            dueAt: request.dueAt.toISOString(),
            fulfilledAt: null,
        });
    });

    it('give order amounts as numbers with their currency', async () => {
        const res = await api.get(`/api/orders/${order.id}`);

        expect(res.body).toMatchObject({
            total: order.unitPrice * order.quantity,
            unitPrice: order.unitPrice,
            quantity: order.quantity,
            currency: 'RUB',
            buyerName: 'Olga Smirnova',
            sellerName: 'Acme Gadgets',
        });
    });
});

describe('createdAt ranges', () => {
    it('include a record created exactly at the lower bound, however the database stored it', async () => {
        // The signed-in staff member was created without an explicit createdAt (the column default).
        const staff = await ctx.dataSource.getRepository(Staff).findOneByOrFail({ id: api.staff.id });
        const at = staff.createdAt.toISOString();

        const from = await api.get(listUrl('/api/staff', { filter: { createdAt_gte: at, id: staff.id } }));
        const until = await api.get(listUrl('/api/staff', { filter: { createdAt_lte: at, id: staff.id } }));

        expect(idsOf(from)).toEqual([staff.id]);
        expect(idsOf(until)).toEqual([staff.id]);
    });
});
