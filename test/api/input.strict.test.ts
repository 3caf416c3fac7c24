import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENCY_MINOR_UNITS, formatMoney, isCurrencyCode, minorUnitExponent } from '../../shared/money';
import { EARLIEST_PLAUSIBLE_DATE, LATEST_PLAUSIBLE_DAYS_AHEAD } from '../../shared/policy';
import { buildDispute, DAY } from '../helpers/factories';
import { integrationPost, openDisputeBody, type OpenDisputeOverrides } from '../helpers/integration';
import { expectError, listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';
import type { Agent } from '../helpers/agent';

/** Issue 8, item 7: currencies, dates, order arithmetic and control characters are checked. */
let ctx: TestApp;
let supervisor: Agent;
beforeAll(async () => {
    ctx = await createTestApp();
    supervisor = await ctx.as('supervisor');
    await buildDispute(ctx.dataSource, { status: 'escalated' });
});
afterAll(() => ctx?.close());

const open = (overrides: OpenDisputeOverrides) =>
    integrationPost(ctx, '/disputes', openDisputeBody(ctx, overrides));

/** Asserts a 400 whose `errors` name the field. */
function expectFieldError(res: { status: number; body: { errors?: Record<string, string> } }, field: string) {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(Object.keys(res.body.errors ?? {})).toContain(field);
}

describe('currency codes', () => {
    it('takes each currency and its minor-unit digits from one ISO 4217 table', () => {
        expect(minorUnitExponent('JPY')).toBe(0);
        expect(minorUnitExponent('KRW')).toBe(0);
        expect(minorUnitExponent('USD')).toBe(2);
        expect(minorUnitExponent('EUR')).toBe(2);
        expect(minorUnitExponent('KWD')).toBe(3);
        expect(minorUnitExponent('IQD')).toBe(3);
        expect(minorUnitExponent('CLP')).toBe(0);
        expect(formatMoney(1234, 'KWD')).toMatch(/1\.234/);
        expect(formatMoney(1234, 'JPY')).toMatch(/1,234/);
        expect(Object.keys(CURRENCY_MINOR_UNITS).length).toBeGreaterThan(150);
        for (const code of ['XXX', 'XTS', 'ZZZ', 'XAU', 'usd'])
            expect(isCurrencyCode(code), code).toBe(false);
    });

    it.each(['XXX', 'ZZZ', 'XTS', 'XAU', 'ABC'])(
        'refuses an order in %s, naming order.currency',
        async (code) => {
            expectFieldError(await open({ order: { currency: code } }), 'order.currency');
        }
    );

    it('refuses a claim currency that is not an ISO 4217 code, naming claim.currency', async () => {
        expectFieldError(await open({ claim: { currency: 'ZZZ' } }), 'claim.currency');
    });

    it.each(['KWD', 'JPY', 'CHF'])('opens a dispute on an order in %s', async (code) => {
        const res = await open({ order: { currency: code } });

        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.currency).toBe(code);
    });
});

describe('dates of an order', () => {
    const yearsAhead = (years: number) => new Date(Date.now() + years * 365 * DAY).toISOString();

    it.each([
        ['year 0', { shippedAt: '0000-01-01T00:00:00Z' }, 'order.shippedAt'],
        ['before 2000', { shippedAt: '1999-12-31T23:59:59Z' }, 'order.shippedAt'],
        ['a day that does not exist', { shippedAt: '2026-02-30T10:00:00Z' }, 'order.shippedAt'],
        ['a month that does not exist', { completedAt: '2026-13-01T10:00:00Z' }, 'order.completedAt'],
        ['two years ahead', { protectionEndsAt: yearsAhead(2) }, 'order.protectionEndsAt'],
        ['year 9999', { protectionEndsAt: '9999-12-31T23:59:59Z' }, 'order.protectionEndsAt'],
    ])('refuses %s, naming the field', async (_what, order, field) => {
        const res = await open({ order });

        expectFieldError(res, field);
        expect(res.body.errors[field]).toMatch(/ISO 8601|before|future/);
    });

    it('names the bounds in its message', async () => {
        const early = await open({ order: { shippedAt: '1970-01-01T00:00:00Z' } });
        const late = await open({ order: { protectionEndsAt: yearsAhead(3) } });

        expect(early.body.errors['order.shippedAt']).toContain(EARLIEST_PLAUSIBLE_DATE);
        expect(late.body.errors['order.protectionEndsAt']).toContain(`${LATEST_PLAUSIBLE_DAYS_AHEAD} days`);
    });
});

describe('order arithmetic', () => {
    it('refuses a snapshot whose total is not quantity × unit price, naming order.total', async () => {
        const res = await open({ order: { quantity: 3, unitPrice: 2500, total: 5000 } });

        expectFieldError(res, 'order.total');
        expect(res.body.errors['order.total']).toMatch(/quantity × unitPrice \(3 × 2500 = 7500\)/);
    });

    it('opens a dispute whose total adds up', async () => {
        const res = await open({ order: { quantity: 3, unitPrice: 2500, total: 7500 } });

        expect(res.status, JSON.stringify(res.body)).toBe(201);
    });
});

describe('control characters in text', () => {
    it.each([
        ['NUL in a product title', { order: { productTitle: 'Ear\u0000buds' } }, 'order.productTitle'],
        ['an escape in a buyer name', { buyer: { name: 'Eve\u001b[2J' } }, 'buyer.name'],
        ['a bell in a store name', { seller: { storeName: 'Store\u0007' } }, 'seller.storeName'],
        ['a line break in an external id', { order: { externalId: 'mp-\n-1' } }, 'order.externalId'],
        ['a DEL in a tracking number', { order: { trackingNumber: 'LP1\u007f' } }, 'order.trackingNumber'],
        ['a C1 control in a description', { claim: { description: 'broken\u0085' } }, 'claim.description'],
        ['a backspace in a description', { claim: { description: 'broken\b\b' } }, 'claim.description'],
    ] as [string, OpenDisputeOverrides, string][])(
        'refuses %s (400 naming the field)',
        async (_w, o, field) => {
            const res = await open(o);

            expectFieldError(res, field);
            expect(res.body.errors[field]).toMatch(/control characters/);
        }
    );

    it('keeps line breaks and tabs in a description', async () => {
        const description = 'Left earbud:\r\n\tdoes not charge\nright one is fine';
        const res = await open({ claim: { description } });

        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body.description).toBe(description);
    });

    it('keeps letters of every script, emoji included', async () => {
        const res = await open({ buyer: { name: 'Иван Петров 🎧' } });

        expect(res.status, JSON.stringify(res.body)).toBe(201);
    });

    it.each([
        ['NUL', 'a\u0000b'],
        ['an escape', '\u001b[31m'],
        ['a line break', 'first\nsecond'],
    ])('refuses %s in the search q of a list, naming q', async (_what, q) => {
        const res = await supervisor.get(listUrl('/api/disputes', { filter: { q } }));

        expectError(res, 400, /"q".*control characters/);
        expect(res.body.errors).toHaveProperty('q');
    });

    it('refuses NUL in a text filter value, naming the field', async () => {
        const res = await supervisor.get(listUrl('/api/staff', { filter: { email: 'a\u0000@x' } }));

        expectError(res, 400, /"email".*control characters/);
        expect(res.body.errors).toHaveProperty('email');
    });

    it('refuses NUL in the search q of the queue counts', async () => {
        const res = await supervisor.get(listUrl('/api/queue/counts', { filter: { q: 'a\u0000' } }));

        expectError(res, 400, /control characters/);
    });

    it('refuses control characters in a staff member name, naming fullName', async () => {
        const created = await supervisor.post('/api/staff').send({
            email: 'ctl@test.example',
            fullName: 'Mallory\u0000',
            role: 'support',
            password: 'a long enough password',
        });
        expectError(created, 400);
        expect(created.body.errors).toHaveProperty('fullName');

        const renamed = await supervisor
            .put(`/api/staff/${supervisor.staff.id}`)
            .send({ fullName: 'Test\u001bsupervisor' });
        expectError(renamed, 400);
        expect(renamed.body.errors).toHaveProperty('fullName');
    });
});
