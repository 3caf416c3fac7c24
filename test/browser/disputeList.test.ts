import { describe, expect, it } from 'vitest';
import { DEMO_STAFF, signedInBrowser } from './browserHelpers';

describe('the dispute list screen', () => {
    const session = signedInBrowser(DEMO_STAFF.support);

    it('shows the first page of seeded disputes, newest first, and how many there are', async () => {
        const api = await session.context.request.get(
            `${session.server.baseUrl}/api/disputes?range=${encodeURIComponent('[0,24]')}&sort=${encodeURIComponent('["id","DESC"]')}`
        );
        expect(api.status()).toBe(200);
        const total = Number(api.headers()['content-range']?.split('/')[1]);
        const [newest] = (await api.json()) as { id: number }[];
        expect(total).toBeGreaterThan(25);

        const page = await session.context.newPage();
        await page.goto(`${session.server.baseUrl}/#/disputes`);

        await page.getByText(`1-25 of ${total}`).waitFor();
        const rows = page.locator('table tbody tr');
        await expect.poll(() => rows.count()).toBe(25);
        await expect.poll(() => rows.first().innerText()).toContain(`#${newest.id}`);
        // Each row shows a status chip and an amount in its currency, not raw values.
        await expect.poll(() => rows.first().locator('[data-status]').count()).toBe(1);
        expect(await page.locator('table thead').innerText()).toContain('Order total');
    });

    it('opens the case file of a dispute from the list', async () => {
        const page = await session.context.newPage();
        await page.goto(`${session.server.baseUrl}/#/disputes`);
        const firstRow = page.locator('table tbody tr').first();
        const id = (await firstRow.locator('td').first().innerText()).trim();
        await firstRow.click();

        await page.waitForURL(/#\/disputes\/\d+\/show/);
        await page.getByTestId('dispute-claim').waitFor();
        expect(await page.getByTestId('dispute-case').innerText()).toContain(id);
        await page.getByTestId('dispute-timeline').locator('li').first().waitFor();
        await page.getByTestId('section-orders').getByText('Product').waitFor();
    });
});
