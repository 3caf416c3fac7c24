import { describe, expect, it } from 'vitest';
import { DEMO_STAFF, signedInBrowser } from './browserHelpers';

interface BuyerRecord {
    id: number;
    name: string;
    score: number;
    flagged: boolean;
    blocked: boolean;
    blockReason: string | null;
}

describe('buyer ratings', () => {
    const session = signedInBrowser(DEMO_STAFF.supervisor);

    const buyersWhere = async (filter: object) => {
        const query = `filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["score","ASC"]')}`;
        const res = await session.context.request.get(`${session.server.baseUrl}/api/buyers?${query}`);
        expect(res.status()).toBe(200);
        return (await res.json()) as BuyerRecord[];
    };

    it('lets a supervisor open a flagged buyer from the ratings list and block them with a reason', async () => {
        const [worst] = await buyersWhere({ flagged: true, blocked: false });
        expect(worst, 'the demo data has flagged buyers who are not blocked').toBeDefined();

        const page = await session.context.newPage();
        // Worst score first; the flagged filter narrows the list to frequent disputers.
        const filter = encodeURIComponent(JSON.stringify({ flagged: true, blocked: false }));
        await page.goto(`${session.server.baseUrl}/#/buyers?filter=${filter}&sort=score&order=ASC`);
        const firstRow = page.locator('table tbody tr').first();
        await expect.poll(() => firstRow.innerText()).toContain(worst.name);
        await firstRow.getByText('Frequent disputer').waitFor();
        await firstRow.click();

        await page.waitForURL(new RegExp(`#/buyers/${worst.id}/show`));
        await page.getByRole('heading', { name: worst.name, exact: true, level: 1 }).waitFor();
        expect(await page.getByTestId('score').first().innerText()).toBe(String(worst.score));
        await page.getByTestId('score-breakdown').waitFor();

        await page.getByTestId('block-buyer-button').click();
        const dialog = page.getByTestId('block-buyer-dialog');
        await dialog.getByText(`Block ${worst.name}?`).waitFor();
        // No reason, no block.
        expect(await dialog.getByTestId('block-buyer-confirm').isDisabled()).toBe(true);
        await dialog.getByTestId('block-buyer-reason').fill('Repeated claims on delivered parcels');
        await dialog.getByTestId('block-buyer-confirm').click();

        await page.getByText(`${worst.name} is blocked`).waitFor();
        await expect.poll(() => page.getByTestId('block-buyer-button').innerText()).toMatch(/^unblock$/i);
        await page.getByText('Repeated claims on delivered parcels').waitFor();

        const [blocked] = await buyersWhere({ id: [worst.id] });
        expect(blocked).toMatchObject({ blocked: true, blockReason: 'Repeated claims on delivered parcels' });
        const audit = await session.context.request.get(
            `${session.server.baseUrl}/api/audit-events?filter=${encodeURIComponent(
                JSON.stringify({ entity: 'buyer', entityId: String(worst.id) })
            )}`
        );
        expect(audit.status()).toBe(200);
        const events = (await audit.json()) as { action: string }[];
        expect(events.map((e) => e.action)).toContain('buyer.block');
    });
});
