import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_STATUSES, type DisputeStatus } from '../../shared/domain';
import { allowedActions, nextStatus, TRANSITIONS } from '../../shared/lifecycle';
import { Dispute, DisputeEvent } from '../../server/src/entities';
import { buildDispute } from '../helpers/factories';
import type { Agent } from '../helpers/agent';
import { createTestApp, type TestApp } from '../helpers/testApp';

/**
 * The staff actions of the lifecycle table, tried in every state: where the table allows them
 * they move the dispute as it says; everywhere else they answer 409 naming the state and what
 * is allowed, and change nothing.
 */
let ctx: TestApp;
let supervisor: Agent;
let mediator: Agent;

beforeAll(async () => {
    ctx = await createTestApp({ POLICY_MAX_CASES_PER_MEDIATOR: '1000' });
    supervisor = await ctx.as('supervisor');
    mediator = await ctx.as('mediator');
});
afterAll(() => ctx.close());

/** A dispute in this state; held by the mediator where the state means someone holds it. */
async function disputeIn(status: DisputeStatus) {
    const held = ['in_review', 'awaiting_evidence', 'pending_approval', 'decided', 'closed'].includes(status);
    return buildDispute(ctx.dataSource, {
        status,
        assigneeId: held ? mediator.staff.id : null,
        assignedAt: held ? ctx.clock.now() : null,
    });
}

const STAFF_ACTIONS = [
    { action: 'pickup', body: () => ({}) },
    { action: 'release', body: () => ({}) },
    { action: 'assign', body: () => ({ staffId: supervisor.staff.id }) },
] as const;

describe('staff actions in every lifecycle state (as a supervisor)', () => {
    for (const { action, body } of STAFF_ACTIONS) {
        for (const status of DISPUTE_STATUSES) {
            const allowed = TRANSITIONS[action].from.includes(status);
            // Picking up a dispute someone holds is a conflict about the holder, not the state.
            const expected = allowed && !(action === 'pickup' && status !== 'escalated') ? 200 : 409;
            it(`${action} when ${status} → ${expected}`, async () => {
                const dispute = await disputeIn(status);
                const res = await supervisor.post(`/api/disputes/${dispute.id}/${action}`).send(body());
                expect(res.status, JSON.stringify(res.body)).toBe(expected);
                const stored = await ctx.dataSource
                    .getRepository(Dispute)
                    .findOneByOrFail({ id: dispute.id });
                const events = await ctx.dataSource
                    .getRepository(DisputeEvent)
                    .findBy({ disputeId: dispute.id });
                if (expected === 200) {
                    expect(stored.status).toBe(nextStatus(action, dispute));
                    expect(stored.version).toBe(dispute.version + 1);
                    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
                        [action, status, stored.status],
                    ]);
                } else {
                    expect(res.body.message).toMatch(new RegExp(`is (already held|${status})`));
                    if (res.body.message.includes(`it is ${status}`)) {
                        const allowedNow = allowedActions(status, 'staff').map((a) => a.replace(/_/g, ' '));
                        for (const a of allowedNow) expect(res.body.message).toContain(a);
                    }
                    expect(stored.version).toBe(dispute.version);
                    expect(events).toHaveLength(0);
                }
            });
        }
    }
});

describe('the lifecycle table', () => {
    it('lets only the scheduler time out a silent seller, and only buyers withdraw or reopen', () => {
        expect(TRANSITIONS.seller_timeout.by).toEqual(['system']);
        expect(TRANSITIONS.withdraw.by).toEqual(['buyer']);
        expect(TRANSITIONS.reopen.by).toEqual(['buyer']);
    });

    it('returns to review after evidence when someone holds the dispute, else to the queue', () => {
        expect(nextStatus('evidence_complete', { status: 'awaiting_evidence', assigneeId: 7 })).toBe(
            'in_review'
        );
        expect(nextStatus('evidence_complete', { status: 'awaiting_evidence', assigneeId: null })).toBe(
            'escalated'
        );
    });

    it('keeps a dispute awaiting evidence when it is reassigned', () => {
        expect(nextStatus('assign', { status: 'awaiting_evidence', assigneeId: 7 })).toBe(
            'awaiting_evidence'
        );
        expect(nextStatus('assign', { status: 'escalated', assigneeId: null })).toBe('in_review');
    });

    it('allows a withdrawal in every state before decided and in none after', () => {
        for (const status of DISPUTE_STATUSES) {
            const before = !['decided', 'closed', 'resolved', 'withdrawn'].includes(status);
            expect(allowedActions(status, 'buyer').includes('withdraw'), status).toBe(before);
        }
    });
});
