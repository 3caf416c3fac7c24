import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_STAFF, signedInBrowser } from './browserHelpers';

const app = signedInBrowser(DEMO_STAFF.supervisor);

const notice = (page: Page) => page.locator('.MuiSnackbar-root');
const rows = (page: Page) => page.locator('#main-content tbody tr');

/** The list parameters react-admin keeps in localStorage, as text. */
const storedParams = (page: Page) =>
    page.evaluate(() =>
        Object.keys(localStorage)
            .filter((key) => key.endsWith('.listParams'))
            .map((key) => localStorage.getItem(key))
            .join('\n')
    );

describe('an unknown filter in the address', () => {
    for (const [list, path] of [
        ['dispute list', '#/disputes'],
        ['queue', '#/queue'],
    ]) {
        it(`is dropped from the ${list} with a notice, and later visits work`, async () => {
            const page = await app.context.newPage();
            const bogus = encodeURIComponent(JSON.stringify({ bogus: 1 }));
            await page.goto(`${app.server.baseUrl}/${path}?filter=${bogus}`);
            await expect.poll(() => notice(page).innerText()).toContain("Unknown filter 'bogus' was removed");
            await rows(page).first().waitFor();
            expect(decodeURIComponent(page.url())).not.toContain('bogus');
            expect(await storedParams(page)).not.toContain('bogus');

            await notice(page).waitFor({ state: 'detached' });
            await page.goto(`${app.server.baseUrl}/#/orders`);
            await rows(page).first().waitFor();
            await page.goto(`${app.server.baseUrl}/${path}`);
            await rows(page).first().waitFor();
            expect(await page.getByText('bogus').count()).toBe(0);
            await page.close();
        });
    }
});

describe('a record that does not exist', () => {
    const SHOWS: [resource: string, name: string][] = [
        ['disputes', 'Dispute'],
        ['orders', 'Order'],
        ['buyers', 'Buyer'],
        ['sellers', 'Seller'],
        ['decisions', 'Decision'],
        ['refunds', 'Refund'],
        ['attachments', 'Attachment'],
        ['evidence-requests', 'Evidence request'],
        ['staff', 'Staff member'],
        ['audit-events', 'Audit event'],
        ['outbox-events', 'Delivery'],
    ];

    it('is named in the notice of every show page, which then opens the list', async () => {
        const page = await app.context.newPage();
        const notices: string[] = [];
        for (const [resource] of SHOWS) {
            await page.goto(`${app.server.baseUrl}/#/${resource}/999999/show`);
            await page.waitForURL((url) => url.hash.split('?')[0] === `#/${resource}`);
            await expect.poll(() => notice(page).innerText()).toContain('#999999');
            notices.push(await notice(page).innerText());
            await page.reload();
        }
        expect(notices).toEqual(SHOWS.map(([, name]) => `${name} #999999 does not exist`));
        await page.close();
    });
});
