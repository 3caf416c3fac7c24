import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentRecordSchema } from '../../shared/schemas/records';
import { Attachment } from '../../server/src/entities';
import { differenceHash, dhashBands, hammingDistance } from '../../server/src/evidence/reuse';
import type { Agent } from '../helpers/agent';
import { buildDispute } from '../helpers/factories';
import { createTestApp, type TestApp } from '../helpers/testApp';
import { jpegOf, partyUpload, pdfOf, pngOf, staffUpload } from '../helpers/uploads';

let ctx: TestApp;
let mediator: Agent;

beforeAll(async () => {
    ctx = await createTestApp();
    mediator = await ctx.as('mediator');
});
afterAll(() => ctx.close());

const inReview = async () => (await buildDispute(ctx.dataSource, { status: 'in_review' })).id;

async function uploadOne(disputeId: number, name: string, content: Buffer): Promise<number> {
    const res = await partyUpload(ctx, disputeId, [{ name, content }]);
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body[0].id as number;
}

const show = async (id: number) => {
    const res = await mediator.get(`/api/attachments/${id}`);
    expect(res.status).toBe(200);
    attachmentRecordSchema.parse(res.body);
    return res.body as {
        reusedIn: { attachmentId: number; disputeId: number; match: string; distance: number }[];
    };
};

describe('reused evidence', () => {
    it('flags identical bytes in two disputes on both attachments, naming the other dispute', async () => {
        const [first, second] = [await inReview(), await inReview()];
        const receipt = pdfOf(1500);
        const a = await uploadOne(first, 'receipt.pdf', receipt);
        const b = await uploadOne(second, 'my receipt.pdf', receipt);
        expect((await show(a)).reusedIn).toEqual([
            { attachmentId: b, disputeId: second, match: 'exact', distance: 0 },
        ]);
        expect((await show(b)).reusedIn).toEqual([
            { attachmentId: a, disputeId: first, match: 'exact', distance: 0 },
        ]);

        // In the list too, and in the upload's own answer.
        const list = await mediator.get(
            `/api/attachments?filter=${encodeURIComponent(JSON.stringify({ disputeId: first }))}`
        );
        expect(list.body[0].reusedIn).toEqual([
            { attachmentId: b, disputeId: second, match: 'exact', distance: 0 },
        ]);
        const third = await inReview();
        const res = await staffUpload(mediator, third, [{ name: 'again.pdf', content: receipt }]);
        expect(res.body[0].reusedIn.map((r: { disputeId: number }) => r.disputeId)).toEqual([first, second]);
    });

    it('finds the same picture resized and re-encoded as JPEG as similar', async () => {
        const [first, second] = [await inReview(), await inReview()];
        const original = await pngOf(20);
        const copy = await sharp(original).resize(320).jpeg({ quality: 70 }).toBuffer();
        const a = await uploadOne(first, 'scratch.png', original);
        const b = await uploadOne(second, 'scratch-small.jpg', copy);
        const [match] = (await show(b)).reusedIn;
        expect(match).toMatchObject({ attachmentId: a, disputeId: first, match: 'similar' });
        expect(match.distance).toBeLessThanOrEqual(ctx.config.policy.reuseHammingThreshold);
        expect((await show(a)).reusedIn).toEqual([{ ...match, attachmentId: b, disputeId: second }]);
    });

    it('does not match two different photos', async () => {
        const [first, second] = [await inReview(), await inReview()];
        const a = await uploadOne(first, 'one.jpg', await jpegOf(31));
        const b = await uploadOne(second, 'two.jpg', await jpegOf(32));
        expect((await show(a)).reusedIn).toEqual([]);
        expect((await show(b)).reusedIn).toEqual([]);
    });

    it('does not flag a file filed twice in the same dispute', async () => {
        const id = await inReview();
        const photo = await pngOf(40);
        const a = await uploadOne(id, 'a.png', photo);
        const staff = await staffUpload(mediator, id, [{ name: 'b.png', content: photo }]);
        expect(staff.status).toBe(201);
        expect(staff.body[0].reusedIn).toEqual([]);
        expect((await show(a)).reusedIn).toEqual([]);
    });

    it('stores the difference hash with its four indexed 16-bit bands', async () => {
        const id = await uploadOne(await inReview(), 'bands.png', await pngOf(50));
        const row = await ctx.dataSource.getRepository(Attachment).findOneByOrFail({ id });
        expect(row.dhash).toBe(await differenceHash(await pngOf(50)));
        expect([row.dhashBand0, row.dhashBand1, row.dhashBand2, row.dhashBand3]).toEqual(
            dhashBands(row.dhash!)
        );
    });
});

describe('difference hash', () => {
    it('is close for a re-encoded copy and far for another picture', async () => {
        const original = await differenceHash(await pngOf(60));
        const copy = await differenceHash(
            await sharp(await pngOf(60))
                .resize(200)
                .jpeg({ quality: 60 })
                .toBuffer()
        );
        const other = await differenceHash(await pngOf(61));
        expect(hammingDistance(original, copy)).toBeLessThanOrEqual(6);
        expect(hammingDistance(original, other)).toBeGreaterThan(12);
    });
});
