import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKind } from '../../server/src/db/dbKind';
import { readSnapshot } from '../../server/src/db/readers';
import { writeTransaction } from '../../server/src/db/transaction';
import { Dispute } from '../../server/src/entities';
import { buildDispute } from '../helpers/factories';
import { createTestApp, type TestApp } from '../helpers/testApp';

let ctx: TestApp;
beforeAll(async () => {
    ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** A promise and the function that settles it. */
function gate() {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
}

describe('the read side', () => {
    it('lets a pick-up commit while a read transaction is held open, and the held read keeps its snapshot', async () => {
        const dispute = await buildDispute(ctx.dataSource, { status: 'escalated' });
        const mediator = await ctx.as('mediator', 'reader-pickup');
        const seen = await readSnapshot(ctx.reads, async (manager) => {
            const read = () => manager.getRepository(Dispute).findOneByOrFail({ id: dispute.id });
            const before = await read();
            // On SQLite without WAL, or with reads on the writer's connection, this could not commit.
            const pickup = await mediator.post(`/api/disputes/${dispute.id}/pickup`).send({});
            const during = await read();
            return { before, pickup, during };
        });
        expect(seen.pickup.status).toBe(200);
        expect(seen.pickup.body).toMatchObject({
            id: dispute.id,
            status: 'in_review',
            assigneeId: mediator.staff.id,
        });
        expect([seen.before.status, seen.before.assigneeId]).toEqual(['escalated', null]);
        expect([seen.during.status, seen.during.assigneeId]).toEqual(['escalated', null]);
        const after = await mediator.get(`/api/disputes/${dispute.id}`);
        expect(after.body).toMatchObject({ status: 'in_review', assigneeId: mediator.staff.id });
    });

    it('answers reads while the writer holds a transaction open, with committed data only', async () => {
        const dispute = await buildDispute(ctx.dataSource, { description: 'as opened' });
        const support = await ctx.as('support', 'reader-during-write');
        const entered = gate();
        const release = gate();
        const writing = writeTransaction(ctx.dataSource, async (tx) => {
            await tx.getRepository(Dispute).update({ id: dispute.id }, { description: 'not committed yet' });
            entered.open();
            await release.opened;
        });
        await entered.opened;
        try {
            const show = await support.get(`/api/disputes/${dispute.id}`);
            expect(show.status).toBe(200);
            expect(show.body.description).toBe('as opened');
            const list = await support
                .get('/api/disputes')
                .query({ filter: JSON.stringify({ id: [dispute.id] }) });
            expect(list.status).toBe(200);
            expect(list.body.map((d: Dispute) => d.description)).toEqual(['as opened']);
        } finally {
            release.open();
            await writing;
        }
        const committed = await support.get(`/api/disputes/${dispute.id}`);
        expect(committed.body.description).toBe('not committed yet');
    });

    it('is read-only connections of its own on SQLite, and the writer’s pool on PostgreSQL', async () => {
        if (dbKind === 'postgres') {
            expect(ctx.reads).toBe(ctx.dataSource);
            return;
        }
        expect(ctx.reads).not.toBe(ctx.dataSource);
        await expect(ctx.reads.query(`UPDATE "dispute" SET "description" = 'x'`)).rejects.toThrow(
            /readonly/i
        );
        await expect(ctx.reads.transaction(async () => undefined)).rejects.toThrow(/no transactions/);
        // It still answers afterwards.
        const [row] = (await ctx.reads.query('SELECT COUNT(*) AS n FROM "dispute"')) as { n: number }[];
        expect(Number(row.n)).toBeGreaterThan(0);
    });
});
