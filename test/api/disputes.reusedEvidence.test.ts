import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputeRecordSchema } from '../../shared/schemas/records';
import type { Agent } from '../helpers/agent';
import { buildDispute } from '../helpers/factories';
import { listUrl } from '../helpers/rest';
import { createTestApp, type TestApp } from '../helpers/testApp';
import { partyUpload, pdfOf, pngOf } from '../helpers/uploads';

/** The queue's reused-evidence warning comes from `reusedEvidenceIn` on the dispute records. */
let ctx: TestApp;
let mediator: Agent;

beforeAll(async () => {
    ctx = await createTestApp();
    mediator = await ctx.as('mediator');
});
afterAll(() => ctx.close());

const inReview = async () => (await buildDispute(ctx.dataSource, { status: 'in_review' })).id;

async function upload(disputeId: number, name: string, content: Buffer): Promise<void> {
    const res = await partyUpload(ctx, disputeId, [{ name, content }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** `reusedEvidenceIn` of each dispute, as the list (the queue's request) sends it. */
async function listed(ids: number[]): Promise<Record<number, number[]>> {
    const res = await mediator.get(listUrl('/api/disputes', { filter: { id: ids }, range: [0, 24] }));
    expect(res.status).toBe(200);
    const records = res.body as { id: number; reusedEvidenceIn: number[] }[];
    for (const record of records) disputeRecordSchema.parse(record);
    return Object.fromEntries(records.map((record) => [record.id, record.reusedEvidenceIn]));
}

describe('reusedEvidenceIn on dispute records', () => {
    it('names the other disputes holding an exact copy, on both sides, and nothing elsewhere', async () => {
        const [first, second, third, clean] = [
            await inReview(),
            await inReview(),
            await inReview(),
            await inReview(),
        ];
        const receipt = pdfOf(2100);
        await upload(first, 'receipt.pdf', receipt);
        await upload(second, 'receipt-again.pdf', receipt);
        await upload(third, 'receipt-copy.pdf', receipt);
        await upload(clean, 'other.pdf', pdfOf(2200));

        expect(await listed([first, second, third, clean])).toEqual({
            [first]: [second, third],
            [second]: [first, third],
            [third]: [first, second],
            [clean]: [],
        });
        const one = await mediator.get(`/api/disputes/${first}`);
        expect(one.body.reusedEvidenceIn).toEqual([second, third]);
    });

    it('counts a near-identical picture (resized, re-encoded) as reuse', async () => {
        const [first, second] = [await inReview(), await inReview()];
        const photo = await pngOf(71);
        await upload(first, 'dent.png', photo);
        await upload(second, 'dent.jpg', await sharp(photo).resize(300).jpeg({ quality: 70 }).toBuffer());

        expect(await listed([first, second])).toEqual({ [first]: [second], [second]: [first] });
    });

    it('does not count a file filed twice in the same dispute', async () => {
        const id = await inReview();
        const photo = await pngOf(72);
        await upload(id, 'a.png', photo);
        await upload(id, 'b.png', photo);

        expect(await listed([id])).toEqual({ [id]: [] });
    });
});
