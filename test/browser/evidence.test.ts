import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_STAFF, launchBrowser, signIn, startServer, type RunningServer } from './browserHelpers';

/** The marketplace's key in a server started without INTEGRATION_API_KEY (README). */
const INTEGRATION_KEY = 'dev-integration-key';

interface MessageRow {
    visibility: string;
    body: string;
    authorKind: string;
}

describe('the evidence workflow on the dispute page', () => {
    let server: RunningServer;
    let browser: Browser;
    let mediator: BrowserContext;
    let page: Page;
    let disputeId: number;
    let attachmentId: number;
    /** What the Content-Security-Policy refused on any page of the test (the viewer included). */
    const refused: string[] = [];
    const watchCsp = (target: Page) =>
        target.on('console', (message) => {
            if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
        });

    const api = async <T>(context: BrowserContext, path: string): Promise<T> => {
        const response = await context.request.get(`${server.baseUrl}/api${path}`);
        expect(response.status()).toBe(200);
        return (await response.json()) as T;
    };

    /** A real photo-like PNG (the server detects the type from the bytes and makes a thumbnail). */
    const photo = () =>
        sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 60, b: 40 } } })
            .composite([
                {
                    input: {
                        create: {
                            width: 200,
                            height: 120,
                            channels: 3,
                            background: { r: 20, g: 120, b: 220 },
                        },
                    },
                    left: 100,
                    top: 80,
                },
            ])
            .png()
            .toBuffer();

    /** react-admin's notification (a snackbar) saying `text`. */
    const notification = (target: Page, text: string) =>
        target.locator('.MuiSnackbarContent-message').filter({ hasText: text }).first().waitFor();

    beforeAll(async () => {
        server = await startServer();
        browser = await launchBrowser();
        mediator = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
        page = await mediator.newPage();
        watchCsp(page);
        await page.goto(`${server.baseUrl}/`);
        await signIn(page, DEMO_STAFF.mediator);
    });

    afterAll(async () => {
        await browser?.close();
        await server?.stop();
    });

    it('lets a mediator ask the buyer for evidence with a deadline, and shows the open request counting down', async () => {
        await page.waitForURL(/#\/queue/);
        await page.getByTestId('next-case').click();
        await page.waitForURL(/#\/disputes\/\d+\/show/);
        disputeId = Number(/#\/disputes\/(\d+)\/show/.exec(page.url())![1]);
        const evidence = page.getByTestId('dispute-evidence');
        await evidence.getByText('No open request.').waitFor();

        await evidence.getByTestId('request-evidence').click();
        const dialog = page.getByRole('dialog');
        await dialog.getByTestId('request-from-buyer').click();
        await dialog
            .getByTestId('request-message')
            .fill('Please send clear photos of the scratch on the lid.');
        await dialog.getByTestId('preset_24h').click();
        await dialog.getByTestId('request-evidence-send').click();

        await notification(page, 'Evidence requested');
        const request = evidence.getByTestId('open-request');
        await request.waitFor();
        expect(await request.innerText()).toContain('Please send clear photos of the scratch on the lid.');
        await expect
            .poll(() => request.getByTestId('request-countdown').innerText())
            .toMatch(/due in (1d|23h)/);
        await page.getByTestId('dispute-case').locator('[data-status="awaiting_evidence"]').waitFor();
        const requests = await api<{ requestedFrom: string; status: string }[]>(
            mediator,
            `/evidence-requests?filter=${encodeURIComponent(JSON.stringify({ disputeId }))}`
        );
        expect(requests).toEqual([expect.objectContaining({ requestedFrom: 'buyer', status: 'open' })]);
    });

    it('shows the buyer’s upload from the integration API in the gallery, opens it in the viewer and marks it relevant', async () => {
        const form = new FormData();
        form.append('party', 'buyer');
        form.append('file', new Blob([new Uint8Array(await photo())], { type: 'image/png' }), 'scratch.png');
        const upload = await fetch(`${server.baseUrl}/integration/v1/disputes/${disputeId}/attachments`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${INTEGRATION_KEY}`, 'Idempotency-Key': randomUUID() },
            body: form,
        });
        expect(upload.status, await upload.clone().text()).toBe(201);
        const [created] = (await upload.json()) as { id: number; mimeType: string }[];
        expect(created.mimeType).toBe('image/png');
        attachmentId = created.id;

        await page.reload();
        const tile = page
            .getByTestId('evidence-group-buyer')
            .locator(`[data-testid="evidence-tile"][data-attachment-id="${attachmentId}"]`);
        await tile.waitFor();
        expect(await tile.innerText()).toContain('scratch.png');
        // The request is fulfilled by the answer: nothing left open, the case is back in review.
        await page.getByTestId('dispute-evidence').getByText('No open request.').waitFor();
        await page.getByTestId('dispute-case').locator('[data-status="in_review"]').waitFor();
        // The tile shows the server's thumbnail, not the evidence itself.
        await expect
            .poll(() => tile.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
            .toBeGreaterThan(0);
        expect(await tile.locator('img').getAttribute('src')).toContain(
            `/api/attachments/${attachmentId}/thumbnail`
        );

        await tile.getByTestId('evidence-open').click();
        const slide = page.locator('.yarl__slide_current img.yarl__slide_image');
        await slide.waitFor();
        expect(await slide.getAttribute('src')).toContain(`/api/attachments/${attachmentId}/content`);
        await expect.poll(() => slide.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
        await page.getByRole('button', { name: 'Zoom in' }).waitFor();
        await page.keyboard.press('Escape');
        await slide.waitFor({ state: 'detached' });

        await tile.getByTestId('evidence-review').click();
        const dialog = page.getByRole('dialog');
        await dialog.getByTestId('review-relevant').click();
        await dialog.getByTestId('review-note').fill('Shows the scratch clearly.');
        await dialog.getByTestId('review-save').click();
        await notification(page, 'Review saved');
        await expect.poll(() => tile.getAttribute('data-review-status')).toBe('relevant');
        expect(await tile.innerText()).toContain('Relevant');
        const stored = await api<{ reviewStatus: string; reviewNote: string }>(
            mediator,
            `/attachments/${attachmentId}`
        );
        expect(stored).toMatchObject({ reviewStatus: 'relevant', reviewNote: 'Shows the scratch clearly.' });
        expect(refused).toEqual([]);
    });

    it('uploads staff evidence with a progress bar and says why a refused file was refused', async () => {
        await page.goto(`${server.baseUrl}/#/disputes/${disputeId}/show`);
        const evidence = page.getByTestId('dispute-evidence');
        await evidence.getByTestId('evidence-dropzone').waitFor();

        await evidence.getByTestId('evidence-file-input').setInputFiles([
            { name: 'label.png', mimeType: 'image/png', buffer: await photo() },
            {
                name: 'drawing.svg',
                mimeType: 'image/svg+xml',
                buffer: Buffer.from(
                    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
                ),
            },
        ]);

        await evidence
            .locator('[data-testid="upload-progress"][data-state="done"]')
            .filter({ hasText: 'label.png' })
            .waitFor();
        const error = evidence.getByTestId('upload-error');
        await error.waitFor();
        expect(await error.innerText()).toMatch(/drawing\.svg[\s\S]*Not an accepted file type/);
        const staffTile = page
            .getByTestId('evidence-group-staff')
            .getByTestId('evidence-tile')
            .filter({ hasText: 'label.png' });
        await staffTile.waitFor();
        expect(await page.getByTestId('evidence-group-staff').getByText('drawing.svg').count()).toBe(0);
    });

    it('asks the buyer again for an unreadable file, prefilled, and cancels that request with a reason', async () => {
        await page.goto(`${server.baseUrl}/#/disputes/${disputeId}/show`);
        const evidence = page.getByTestId('dispute-evidence');
        const tile = evidence.locator(`[data-testid="evidence-tile"][data-attachment-id="${attachmentId}"]`);
        await tile.getByTestId('evidence-review').click();
        let dialog = page.getByRole('dialog');
        await dialog.getByTestId('review-unreadable').click();
        await dialog.getByTestId('review-ask-again').click();
        await expect.poll(() => tile.getAttribute('data-review-status')).toBe('unreadable');

        dialog = page.getByRole('dialog');
        const message = dialog.getByTestId('request-message');
        await message.waitFor();
        expect(await message.inputValue()).toContain('"scratch.png"');
        expect(await dialog.locator('[data-testid="request-from-buyer"] input').isChecked()).toBe(true);
        await dialog.getByTestId('preset_7d').click();
        await dialog.getByTestId('request-evidence-send').click();
        await notification(page, 'Evidence requested');
        const request = evidence.getByTestId('open-request');
        await expect
            .poll(() => request.getByTestId('request-countdown').innerText())
            .toMatch(/due in (7d|6d 23h)/);

        await request.getByRole('button', { name: 'Cancel request' }).click();
        dialog = page.getByRole('dialog');
        await dialog.getByTestId('cancel-request-reason').fill('The buyer sent a readable copy by mail.');
        await dialog.getByTestId('cancel-request-confirm').click();
        await notification(page, 'Evidence request cancelled');
        await evidence.getByText('No open request.').waitFor();
        await page.getByTestId('dispute-case').locator('[data-status="in_review"]').waitFor();
    });

    it('lets a support user send the buyer a message and leave an internal note, each marked with who can read it', async () => {
        const support = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
        const supportPage = await support.newPage();
        watchCsp(supportPage);
        try {
            await supportPage.goto(`${server.baseUrl}/`);
            await signIn(supportPage, DEMO_STAFF.support);
            await supportPage.goto(`${server.baseUrl}/#/disputes/${disputeId}/show`);
            const messages = supportPage.getByTestId('dispute-messages');
            await messages.getByTestId('answer').click();
            const composer = messages.getByTestId('message-composer');

            const send = async (visibility: string, body: string, confirmation: string) => {
                await composer.getByTestId('message-visibility').click();
                await supportPage.getByTestId(`visibility-${visibility}`).click();
                await composer.getByTestId('message-body').fill(body);
                await composer.getByTestId('message-send').click();
                await notification(supportPage, confirmation);
                await messages
                    .locator(`[data-testid="message"][data-visibility="${visibility}"]`)
                    .filter({ hasText: body })
                    .waitFor();
            };

            await send('buyer', 'We have asked the seller about the scratch.', 'Message sent');
            expect(await composer.getAttribute('data-internal')).toBe('false');
            await send('internal', 'Buyer has two earlier disputes about scratches.', 'Internal note saved');
            expect(await composer.getAttribute('data-internal')).toBe('true');

            const note = messages
                .locator('[data-testid="message"][data-visibility="internal"]')
                .filter({ hasText: 'Buyer has two earlier disputes about scratches.' });
            expect(await note.innerText()).toContain('Internal note: never sent to a party');
            const buyerOnly = messages
                .locator('[data-testid="message"][data-visibility="buyer"]')
                .filter({ hasText: 'We have asked the seller about the scratch.' });
            expect(await buyerOnly.innerText()).toContain('Buyer only');

            const stored = await api<MessageRow[]>(
                support,
                `/messages?filter=${encodeURIComponent(JSON.stringify({ disputeId }))}`
            );
            expect(
                stored.map(({ visibility, body, authorKind }) => ({ visibility, body, authorKind }))
            ).toEqual(
                expect.arrayContaining([
                    {
                        visibility: 'buyer',
                        body: 'We have asked the seller about the scratch.',
                        authorKind: 'staff',
                    },
                    {
                        visibility: 'internal',
                        body: 'Buyer has two earlier disputes about scratches.',
                        authorKind: 'staff',
                    },
                ])
            );
            expect(refused).toEqual([]);
        } finally {
            await support.close();
        }
    });
});
