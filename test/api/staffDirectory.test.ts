import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDispute } from '../helpers/factories';
import { createTestApp, type TestApp } from '../helpers/testApp';
import { listUrl } from '../helpers/rest';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('GET /api/staff-directory', () => {
    it('lets every role read names and roles, and nothing else about staff', async () => {
        const support = await ctx.as('support');
        const mediator = await ctx.as('mediator');
        const res = await support.get(listUrl('/api/staff-directory', { filter: { role: 'mediator' } }));
        expect(res.status).toBe(200);
        expect(res.body).toEqual([
            { id: mediator.staff.id, fullName: mediator.staff.fullName, role: 'mediator', active: true },
        ]);
    });
});

describe('GET /api/dispute-events', () => {
    it('names the staff member who acted', async () => {
        const mediator = await ctx.as('mediator', 'named');
        const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
        await mediator.post(`/api/disputes/${dispute.id}/pickup`).send({});
        const res = await (
            await ctx.as('support')
        ).get(listUrl('/api/dispute-events', { filter: { disputeId: dispute.id } }));
        expect(res.body).toEqual([
            expect.objectContaining({
                action: 'pickup',
                actorStaffId: mediator.staff.id,
                actorName: mediator.staff.fullName,
            }),
        ]);
    });
});
