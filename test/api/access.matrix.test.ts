import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain';
import { OutboxEvent, QaReview } from '../../server/src/entities';
import { storageFromConfig } from '../../server/src/storage';
import {
    buildAttachment,
    buildDecision,
    buildDispute,
    buildEvidenceRequest,
    buildStaff,
} from '../helpers/factories';
import type { Agent } from '../helpers/agent';
import { createTestApp, type TestApp } from '../helpers/testApp';

/**
 * Every /api endpoint × {anonymous, support, mediator on own dispute, mediator on another's,
 * supervisor}, asserting the exact status. Each case builds the data it needs, so the
 * cases are independent of one another and of their order.
 */
type Who = 'anonymous' | 'support' | 'mediator_own' | 'mediator_other' | 'supervisor';
const WHO: Who[] = ['anonymous', 'support', 'mediator_own', 'mediator_other', 'supervisor'];

interface Case {
    method: 'get' | 'post' | 'put' | 'patch' | 'delete';
    /** Builds the URL (and body) for a case; `owner` holds the dispute when one is needed. */
    setup: (owner: Agent) => Promise<{ url: string; body?: object; file?: Buffer; key?: boolean }>;
    expect: Record<Who, number>;
}

let ctx: TestApp;
let agents: Record<Exclude<Who, 'anonymous'>, Agent>;

const READ = { anonymous: 401, support: 200, mediator_own: 200, mediator_other: 200, supervisor: 200 };
const SUPERVISOR_ONLY_READ = {
    anonymous: 401,
    support: 403,
    mediator_own: 403,
    mediator_other: 403,
    supervisor: 200,
};
const WRITE_REFUSED = {
    anonymous: 401,
    support: 405,
    mediator_own: 405,
    mediator_other: 405,
    supervisor: 405,
};

const escalated = async () => (await buildDispute(ctx.dataSource, { status: 'escalated' })).id;
/** A ruling of `owner` waiting for a supervisor. */
const pendingRuling = async (owner: Agent) => {
    const dispute = await buildDispute(ctx.dataSource, {
        status: 'pending_approval',
        assigneeId: owner.staff.id,
    });
    const decision = await buildDecision(ctx.dataSource, {
        disputeId: dispute.id,
        mediatorId: owner.staff.id,
        status: 'pending_approval',
        issuedAt: null,
    });
    return decision.id;
};
const SUPERVISOR_ONLY_WRITE = {
    anonymous: 401,
    support: 403,
    mediator_own: 403,
    mediator_other: 403,
    supervisor: 200,
};
const heldBy = async (owner: Agent) =>
    (
        await buildDispute(ctx.dataSource, {
            status: 'in_review',
            assigneeId: owner.staff.id,
            assignedAt: ctx.clock.now(),
        })
    ).id;

const RESOURCES = [
    'disputes',
    'orders',
    'buyers',
    'sellers',
    'messages',
    'offers',
    'attachments',
    'evidence-requests',
    'dispute-events',
    'decisions',
    'refunds',
    'staff-directory',
];

const CASES: Record<string, Case> = {
    'GET /api/auth/me': { method: 'get', setup: async () => ({ url: '/api/auth/me' }), expect: READ },
    'GET /api/audit-events': {
        method: 'get',
        setup: async () => ({ url: '/api/audit-events' }),
        expect: SUPERVISOR_ONLY_READ,
    },
    'GET /api/audit-events/verify': {
        method: 'get',
        setup: async () => ({ url: '/api/audit-events/verify' }),
        expect: SUPERVISOR_ONLY_READ,
    },
    'GET /api/staff': {
        method: 'get',
        setup: async () => ({ url: '/api/staff' }),
        expect: SUPERVISOR_ONLY_READ,
    },
    'GET /api/staff/:id': {
        method: 'get',
        setup: async (owner) => ({ url: `/api/staff/${owner.staff.id}` }),
        expect: SUPERVISOR_ONLY_READ,
    },
    'POST /api/staff': {
        method: 'post',
        setup: async () => ({
            url: '/api/staff',
            body: {
                email: `new-${Math.random().toString(36).slice(2)}@test.example`,
                fullName: 'New Person',
                role: 'support',
                password: 'a long enough password',
            },
        }),
        expect: { anonymous: 401, support: 403, mediator_own: 403, mediator_other: 403, supervisor: 201 },
    },
    'PUT /api/staff/:id': {
        method: 'put',
        setup: async () => ({
            url: `/api/staff/${(await buildStaff(ctx.dataSource, { role: 'support' })).id}`,
            body: { fullName: 'Renamed' },
        }),
        expect: { anonymous: 401, support: 403, mediator_own: 403, mediator_other: 403, supervisor: 200 },
    },
    'POST /api/staff/:id/reset-password': {
        method: 'post',
        setup: async () => ({
            url: `/api/staff/${(await buildStaff(ctx.dataSource, { role: 'support' })).id}/reset-password`,
            body: { password: 'another long password' },
        }),
        expect: { anonymous: 401, support: 403, mediator_own: 403, mediator_other: 403, supervisor: 200 },
    },
    'DELETE /api/staff/:id': {
        method: 'delete',
        setup: async (owner) => ({ url: `/api/staff/${owner.staff.id}` }),
        expect: WRITE_REFUSED,
    },
    'GET /api/disputes/:id/timeline': {
        method: 'get',
        setup: async () => ({ url: `/api/disputes/${await escalated()}/timeline` }),
        expect: READ,
    },
    'POST /api/disputes/:id/pickup': {
        method: 'post',
        setup: async () => ({ url: `/api/disputes/${await escalated()}/pickup`, body: {} }),
        expect: { anonymous: 401, support: 403, mediator_own: 200, mediator_other: 200, supervisor: 200 },
    },
    'POST /api/disputes/:id/release': {
        method: 'post',
        setup: async (owner) => ({ url: `/api/disputes/${await heldBy(owner)}/release`, body: {} }),
        expect: { anonymous: 401, support: 403, mediator_own: 200, mediator_other: 403, supervisor: 200 },
    },
    'POST /api/disputes/:id/assign': {
        method: 'post',
        setup: async (owner) => ({
            url: `/api/disputes/${await escalated()}/assign`,
            body: { staffId: owner.staff.id },
        }),
        expect: { anonymous: 401, support: 403, mediator_own: 403, mediator_other: 403, supervisor: 200 },
    },
    'POST /api/queue/next': {
        method: 'post',
        setup: async () => {
            await escalated();
            return { url: '/api/queue/next', body: {} };
        },
        expect: { anonymous: 401, support: 403, mediator_own: 200, mediator_other: 200, supervisor: 200 },
    },
    'GET /api/attachments/:id/content': {
        method: 'get',
        setup: async () => {
            const key = `matrix/${Math.random().toString(36).slice(2)}.pdf`;
            await storageFromConfig(ctx.config).put(key, Buffer.from('%PDF-1.4 matrix'));
            return {
                url: `/api/attachments/${(await buildAttachment(ctx.dataSource, { storageKey: key })).id}/content`,
            };
        },
        expect: READ,
    },
    'POST /api/disputes/:id/evidence-requests': {
        method: 'post',
        setup: async (owner) => ({
            url: `/api/disputes/${await heldBy(owner)}/evidence-requests`,
            body: { from: 'buyer', message: 'Photos of the defect, please' },
        }),
        expect: { anonymous: 401, support: 201, mediator_own: 201, mediator_other: 403, supervisor: 201 },
    },
    'POST /api/disputes/:id/messages': {
        method: 'post',
        setup: async (owner) => ({
            url: `/api/disputes/${await heldBy(owner)}/messages`,
            body: { visibility: 'both', body: 'We are looking at your case' },
        }),
        expect: { anonymous: 401, support: 201, mediator_own: 201, mediator_other: 201, supervisor: 201 },
    },
    'POST /api/evidence-requests/:id/cancel': {
        method: 'post',
        setup: async (owner) => {
            const dispute = await buildDispute(ctx.dataSource, {
                status: 'awaiting_evidence',
                assigneeId: owner.staff.id,
                assignedAt: ctx.clock.now(),
            });
            const request = await buildEvidenceRequest(ctx.dataSource, { disputeId: dispute.id });
            return {
                url: `/api/evidence-requests/${request.id}/cancel`,
                body: { reason: 'Asked by mistake' },
            };
        },
        expect: { anonymous: 401, support: 200, mediator_own: 200, mediator_other: 403, supervisor: 200 },
    },
    'POST /api/disputes/:id/attachments': {
        method: 'post',
        setup: async (owner) => ({
            url: `/api/disputes/${await heldBy(owner)}/attachments`,
            file: Buffer.from('%PDF-1.4 staff evidence'),
        }),
        expect: { anonymous: 401, support: 201, mediator_own: 201, mediator_other: 201, supervisor: 201 },
    },
    'PATCH /api/attachments/:id': {
        method: 'patch',
        setup: async () => ({
            url: `/api/attachments/${(await buildAttachment(ctx.dataSource)).id}`,
            body: { reviewStatus: 'relevant', reviewNote: 'Shows the defect' },
        }),
        expect: { anonymous: 401, support: 403, mediator_own: 200, mediator_other: 200, supervisor: 200 },
    },
    'GET /api/attachments/:id/thumbnail': {
        method: 'get',
        setup: async () => {
            const key = `matrix/${Math.random().toString(36).slice(2)}.png`;
            const png = await sharp({
                create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 20, b: 20 } },
            })
                .png()
                .toBuffer();
            await storageFromConfig(ctx.config).put(key, png);
            return {
                url: `/api/attachments/${(await buildAttachment(ctx.dataSource, { storageKey: key, mimeType: 'image/png' })).id}/thumbnail`,
            };
        },
        expect: READ,
    },
    'GET /api/outbox-events': {
        method: 'get',
        setup: async () => ({ url: '/api/outbox-events' }),
        expect: SUPERVISOR_ONLY_READ,
    },
    'GET /api/webhook-deliveries': {
        method: 'get',
        setup: async () => ({ url: '/api/webhook-deliveries' }),
        expect: SUPERVISOR_ONLY_READ,
    },
    'POST /api/outbox-events/:id/replay': {
        method: 'post',
        setup: async () => {
            const [{ id }] = (
                await ctx.dataSource.getRepository(OutboxEvent).insert({
                    type: 'dispute.closed',
                    disputeId: null,
                    audience: null,
                    payload: {},
                    status: 'dead',
                    attempts: 7,
                    nextAttemptAt: ctx.clock.now(),
                })
            ).identifiers;
            return { url: `/api/outbox-events/${id}/replay`, body: {} };
        },
        expect: { anonymous: 401, support: 403, mediator_own: 403, mediator_other: 403, supervisor: 200 },
    },
    'GET /api/disputes/:id/guidance': {
        method: 'get',
        setup: async () => ({ url: `/api/disputes/${await escalated()}/guidance` }),
        expect: READ,
    },
    'POST /api/disputes/:id/decision': {
        method: 'post',
        setup: async (owner) => ({
            url: `/api/disputes/${await heldBy(owner)}/decision`,
            key: true,
            body: {
                refundAmount: 100,
                returnRequired: false,
                rationaleBuyer: 'The evidence on file supports a partial refund.',
                rationaleSeller: 'The evidence on file supports a partial refund.',
                evidenceIds: [],
            },
        }),
        expect: { anonymous: 401, support: 403, mediator_own: 201, mediator_other: 403, supervisor: 201 },
    },
    'POST /api/decisions/:id/approve': {
        method: 'post',
        setup: async (owner) => ({ url: `/api/decisions/${await pendingRuling(owner)}/approve`, body: {} }),
        expect: SUPERVISOR_ONLY_WRITE,
    },
    'POST /api/decisions/:id/reject': {
        method: 'post',
        setup: async (owner) => ({
            url: `/api/decisions/${await pendingRuling(owner)}/reject`,
            body: { comment: 'Look at the seller’s photos again.' },
        }),
        expect: SUPERVISOR_ONLY_WRITE,
    },
    'POST /api/decisions/:id/overturn': {
        method: 'post',
        setup: async (owner) => ({
            url: `/api/decisions/${(await buildDecision(ctx.dataSource, { mediatorId: owner.staff.id })).id}/overturn`,
            body: { reason: 'The tracking shows a delivery.' },
        }),
        expect: SUPERVISOR_ONLY_WRITE,
    },
    'GET /api/outbox-events/delivery': {
        method: 'get',
        setup: async () => ({ url: '/api/outbox-events/delivery' }),
        expect: SUPERVISOR_ONLY_READ,
    },
    'GET /api/queue/counts': {
        method: 'get',
        setup: async () => ({ url: '/api/queue/counts' }),
        expect: READ,
    },
    'GET /api/qa-reviews': {
        method: 'get',
        setup: async () => ({ url: '/api/qa-reviews' }),
        expect: SUPERVISOR_ONLY_READ,
    },
    'POST /api/qa-reviews': {
        method: 'post',
        setup: async () => ({ url: '/api/qa-reviews', body: {} }),
        expect: WRITE_REFUSED,
    },
    'DELETE /api/qa-reviews/:id': {
        method: 'delete',
        setup: async () => ({ url: '/api/qa-reviews/1' }),
        expect: WRITE_REFUSED,
    },
    'POST /api/qa-samples': {
        method: 'post',
        setup: async (owner) => {
            await buildDecision(ctx.dataSource, { mediatorId: owner.staff.id });
            return { url: '/api/qa-samples', body: { from: '2026-11-01', to: '2026-11-30', size: 1 } };
        },
        expect: { anonymous: 401, support: 403, mediator_own: 403, mediator_other: 403, supervisor: 201 },
    },
    'POST /api/qa-reviews/:id/verdict': {
        method: 'post',
        setup: async (owner) => {
            const decision = await buildDecision(ctx.dataSource, { mediatorId: owner.staff.id });
            const [{ id }] = (
                await ctx.dataSource.getRepository(QaReview).insert({
                    decisionId: decision.id,
                    reviewerId: agents.supervisor.staff.id,
                    sampleId: 'matrix-sample',
                    verdict: null,
                    comment: null,
                    createdAt: ctx.clock.now(),
                    answeredAt: null,
                })
            ).identifiers;
            return { url: `/api/qa-reviews/${id}/verdict`, body: { verdict: 'agree' } };
        },
        expect: SUPERVISOR_ONLY_WRITE,
    },
    'GET /api/mediator-quality': {
        method: 'get',
        setup: async () => ({ url: '/api/mediator-quality?from=2026-11-01&to=2026-11-30' }),
        expect: SUPERVISOR_ONLY_READ,
    },
};

for (const resource of RESOURCES) {
    CASES[`GET /api/${resource}`] = {
        method: 'get',
        setup: async () => ({ url: `/api/${resource}` }),
        expect: READ,
    };
    CASES[`POST /api/${resource}`] = {
        method: 'post',
        setup: async () => ({ url: `/api/${resource}`, body: {} }),
        expect: WRITE_REFUSED,
    };
    CASES[`DELETE /api/${resource}/:id`] = {
        method: 'delete',
        setup: async () => ({ url: `/api/${resource}/1` }),
        expect: WRITE_REFUSED,
    };
}
CASES['GET /api/disputes/:id'] = {
    method: 'get',
    setup: async () => ({ url: `/api/disputes/${await escalated()}` }),
    expect: READ,
};

beforeAll(async () => {
    ctx = await createTestApp({ POLICY_MAX_CASES_PER_MEDIATOR: '1000' });
    const sign = (role: Role, name: string) => ctx.as(role, name);
    agents = {
        support: await sign('support', 'matrix-support'),
        mediator_own: await sign('mediator', 'matrix-owner'),
        mediator_other: await sign('mediator', 'matrix-other'),
        supervisor: await sign('supervisor', 'matrix-supervisor'),
    };
});
afterAll(() => ctx.close());

describe('access matrix of the console API', () => {
    for (const [name, c] of Object.entries(CASES)) {
        for (const who of WHO) {
            it(`${name} as ${who} → ${c.expect[who]}`, async () => {
                const { url, body, file, key } = await c.setup(agents.mediator_own);
                const sent =
                    who === 'anonymous' ? request(ctx.app)[c.method](url) : agents[who][c.method](url);
                const req = key ? sent.set('Idempotency-Key', randomUUID()) : sent;
                const res = file
                    ? await req.attach('file', file, 'evidence.pdf')
                    : body
                      ? await req.send(body)
                      : await req;
                expect(res.status, JSON.stringify(res.body)).toBe(c.expect[who]);
            });
        }
    }
});
