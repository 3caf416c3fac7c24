import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_STAFF, launchBrowser, signIn, startServer, type RunningServer } from './browserHelpers';

/** The marketplace's key in a server started without INTEGRATION_API_KEY (README). */
const INTEGRATION_KEY = 'dev-integration-key';

/** A PDF of `pages` pages, each a dark bar and a line of Helvetica text, with a correct xref table. */
function pdfOfPages(pages: number, label: string): Buffer {
    const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
    const kids = Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
    objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
    objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    for (let i = 0; i < pages; i++) {
        const stream = `0.2 0.3 0.5 rg 0 700 612 92 re f BT /F1 28 Tf 0 0 0 rg 60 600 Td (${label} page ${i + 1}) Tj ET`;
        objects.push(
            `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${5 + i * 2} 0 R ` +
                '/Resources << /Font << /F1 3 0 R >> >> >>'
        );
        objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    }
    let body = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((object, i) => {
        offsets.push(body.length);
        body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    });
    const xref = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(body, 'latin1');
}

describe('PDF evidence in the page, and reused evidence in the queue', () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    /** What the Content-Security-Policy refused, from the console and from violation events. */
    const refused: string[] = [];

    async function upload(disputeId: number, name: string, content: Buffer): Promise<number> {
        const form = new FormData();
        form.append('party', 'buyer');
        form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), name);
        const res = await fetch(`${server.baseUrl}/integration/v1/disputes/${disputeId}/attachments`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${INTEGRATION_KEY}`, 'Idempotency-Key': randomUUID() },
            body: form,
        });
        expect(res.status, await res.clone().text()).toBe(201);
        return ((await res.json()) as { id: number }[])[0].id;
    }

    /** The queue's first page as the API answers it (escalated, nobody's, most urgent first). */
    async function queueRows(): Promise<{ id: number; reusedEvidenceIn: number[] }[]> {
        const query = new URLSearchParams({
            filter: JSON.stringify({ status: 'escalated', assigneeId: null }),
            sort: JSON.stringify(['slaDueAt', 'ASC']),
            range: JSON.stringify([0, 24]),
        });
        const res = await context.request.get(`${server.baseUrl}/api/disputes?${query}`);
        return (await res.json()) as { id: number; reusedEvidenceIn: number[] }[];
    }

    beforeAll(async () => {
        server = await startServer();
        browser = await launchBrowser();
        context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
        await context.addInitScript(() => {
            document.addEventListener('securitypolicyviolation', (event) =>
                console.error(`Refused to load: ${event.violatedDirective} ${event.blockedURI}`)
            );
        });
        page = await context.newPage();
        page.on('console', (message) => {
            if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
        });
        await page.goto(`${server.baseUrl}/`);
        await signIn(page, DEMO_STAFF.mediator);
        await page.waitForURL(/#\/queue/);
    });

    afterAll(async () => {
        await browser?.close();
        await server?.stop();
    });

    it('renders a PDF’s pages on a canvas inside the case page, with page navigation and zoom', async () => {
        const [{ id: disputeId }] = await queueRows();
        const attachmentId = await upload(disputeId, 'invoice-two-pages.pdf', pdfOfPages(2, 'Invoice'));
        const pdfRequests: string[] = [];
        page.on('request', (request) => {
            if (/\/assets\/pdf[-.]/.test(request.url())) pdfRequests.push(request.url());
        });
        await page.goto(`${server.baseUrl}/#/disputes/${disputeId}/show`);
        const tile = page.locator(`[data-testid="evidence-tile"][data-attachment-id="${attachmentId}"]`);
        await tile.waitFor();
        // pdf.js is not part of the case page until a PDF is opened.
        expect(pdfRequests).toEqual([]);

        await tile.getByTestId('evidence-open').click();
        const viewer = page.getByTestId('pdf-viewer');
        const canvas = viewer.getByTestId('pdf-canvas');
        await viewer.locator('[data-testid="pdf-canvas"][data-rendered-page="1"]').waitFor();
        expect(await viewer.getByTestId('pdf-page').innerText()).toBe('Page 1 of 2');
        expect(pdfRequests.some((url) => /pdf\.worker/.test(url))).toBe(true);
        // Page 1 is drawn: dark pixels of the bar and the text on white.
        const inked = () =>
            canvas.evaluate((element: HTMLCanvasElement) => {
                const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
                let dark = 0;
                for (let i = 0; i < data.length; i += 4)
                    if (data[i] + data[i + 1] + data[i + 2] < 300) dark++;
                return dark / (data.length / 4);
            });
        expect(await inked()).toBeGreaterThan(0.05);

        await viewer.getByTestId('pdf-next').click();
        await viewer.locator('[data-testid="pdf-canvas"][data-rendered-page="2"]').waitFor();
        expect(await viewer.getByTestId('pdf-page').innerText()).toBe('Page 2 of 2');
        expect(await viewer.getByTestId('pdf-next').isDisabled()).toBe(true);
        expect(await inked()).toBeGreaterThan(0.05);

        const width = () =>
            canvas.evaluate((element: HTMLCanvasElement) => element.getBoundingClientRect().width);
        const before = await width();
        await viewer.getByTestId('pdf-zoom-in').click();
        await expect.poll(width).toBeGreaterThan(before * 1.2);
        expect(await viewer.getByTestId('pdf-zoom').innerText()).toBe('125%');

        await page.screenshot({ path: '/tmp/pdf-viewer.png' });
        await viewer.getByRole('button', { name: 'Close' }).click();
        await viewer.waitFor({ state: 'detached' });
        expect(refused).toEqual([]);
    });

    it('flags the queue rows whose evidence was filed in another dispute, naming it', async () => {
        // Rows with no reuse yet (the demo data has some of its own).
        const ids = (await queueRows())
            .filter((row) => row.reusedEvidenceIn.length === 0)
            .map((row) => row.id);
        expect(ids.length).toBeGreaterThanOrEqual(4);
        const [first, second, clean] = [ids[1], ids[2], ids[3]];
        const receipt = pdfOfPages(1, `Receipt ${randomUUID()}`);
        await upload(first, 'receipt.pdf', receipt);
        await upload(second, 'same-receipt.pdf', receipt);

        await page.goto(`${server.baseUrl}/#/queue`);
        const row = (id: number) =>
            page
                .locator('table tbody tr')
                .filter({ hasText: `#${id}` })
                .first();
        const flag = (id: number) => row(id).getByTestId('queue-reused-evidence');
        await flag(first).waitFor();
        expect(await flag(first).getAttribute('data-disputes')).toBe(String(second));
        expect(await flag(second).getAttribute('data-disputes')).toBe(String(first));
        expect(await flag(first).getAttribute('aria-label')).toBe(`Evidence reused in dispute #${second}`);
        expect(await flag(clean).count()).toBe(0);

        await flag(first).hover();
        await page
            .getByRole('tooltip')
            .filter({ hasText: `Evidence reused in dispute #${second}` })
            .waitFor();
        await page.screenshot({ path: '/tmp/queue-reused.png' });
        expect(refused).toEqual([]);
    });
});
