import request, { type Response } from 'supertest';
import type { OpenDisputeInput } from '../../shared/schemas/integration';
import { AuditEvent } from '../../server/src/entities';
import { integrationRouter } from '../../server/src/integration/integrationRouter';
import { DAY, nextSequence } from './factories';
import type { TestApp } from './testApp';

/** The key createTestApp configures. */
export const INTEGRATION_KEY = 'test-integration-key';

/** An Idempotency-Key never used before in this test run. */
export function newKey(): string {
    return `key-${process.pid}-${nextSequence()}`;
}

export interface IntegrationPostOptions {
    /** null: send no Idempotency-Key; default: a fresh one. */
    key?: string | null;
    /** null: send no Authorization header. */
    apiKey?: string | null;
}

/** POST /integration/v1<path> as the marketplace. */
export function integrationPost(
    ctx: TestApp,
    path: string,
    body?: object,
    { key = newKey(), apiKey = INTEGRATION_KEY }: IntegrationPostOptions = {}
): request.Test {
    let req = ctx.request().post(`/integration/v1${path}`);
    if (apiKey !== null) req = req.set('Authorization', `Bearer ${apiKey}`);
    if (key !== null) req = req.set('Idempotency-Key', key);
    return body === undefined ? req : req.send(body);
}

type Body = OpenDisputeInput;

export interface OpenDisputeOverrides {
    order?: Partial<Body['order']>;
    buyer?: Partial<Body['buyer']>;
    seller?: Partial<Body['seller']>;
    claim?: Partial<Body['claim']>;
}

function daysFrom(now: Date, days: number): string {
    return new Date(now.getTime() + days * DAY).toISOString();
}

/**
 * A valid opening on a new order, relative to the app's clock: shipped 10 days ago, protected
 * for 50 more days, not completed; a partial refund for a defective item.
 */
export function openDisputeBody(ctx: TestApp, overrides: OpenDisputeOverrides = {}): Body {
    const n = nextSequence();
    const now = ctx.clock.now();
    return {
        order: {
            externalId: `mp-order-${n}`,
            productTitle: `Wireless earbuds ${n}`,
            quantity: 2,
            unitPrice: 2500,
            total: 5000,
            currency: 'USD',
            paymentMethod: 'card',
            shippedAt: daysFrom(now, -10),
            trackingNumber: `LP${String(n).padStart(9, '0')}CN`,
            completedAt: null,
            protectionEndsAt: daysFrom(now, 50),
            ...overrides.order,
        },
        buyer: { externalId: `mp-buyer-${n}`, name: `Buyer ${n}`, country: 'DE', ...overrides.buyer },
        seller: { externalId: `mp-seller-${n}`, storeName: `Store ${n}`, country: 'CN', ...overrides.seller },
        claim: {
            goodsReceived: true,
            reason: 'defective',
            requestedSolution: 'partial_refund_keep',
            requestedAmount: 2000,
            description: 'The left earbud does not charge',
            ...overrides.claim,
        },
    };
}

/** Opens a dispute through the API and returns its record (fails the test on anything but 201). */
export async function openThroughApi(ctx: TestApp, overrides: OpenDisputeOverrides = {}) {
    const res = await integrationPost(ctx, '/disputes', openDisputeBody(ctx, overrides));
    if (res.status !== 201) throw new Error(`opening failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number; status: string; orderId: number; buyerId: number; sellerId: number };
}

export interface RegisteredRoute {
    method: string;
    /** As Express declares it, e.g. /disputes/:id/offers. */
    path: string;
}

interface RouterLayer {
    route?: { path: string; methods: Record<string, boolean> };
}

/** The routes actually registered on the integration router (what the app serves). */
export function registeredRoutes(ctx: TestApp): RegisteredRoute[] {
    const router = integrationRouter({
        dataSource: ctx.dataSource,
        reads: ctx.reads,
        config: ctx.config,
        clock: ctx.clock,
    });
    return (router.stack as RouterLayer[]).flatMap((layer) =>
        layer.route
            ? Object.keys(layer.route.methods)
                  .filter((method) => method !== '_all')
                  .map((method) => ({ method, path: layer.route!.path }))
            : []
    );
}

/** The audit events written while answering this response (matched on its X-Request-Id). */
export function auditEventsOf(ctx: TestApp, res: Response): Promise<AuditEvent[]> {
    const requestId = String(res.headers['x-request-id']);
    return ctx.dataSource.getRepository(AuditEvent).find({ where: { requestId }, order: { id: 'ASC' } });
}
