import { describe, expect, it } from 'vitest';
import { DEMO_STAFF, signedInBrowser } from './browserHelpers';

interface QaReview {
    id: number;
    decisionId: number;
    mediatorId: number;
    verdict: string | null;
    comment: string | null;
}

describe('supervision: QA sampling and mediator quality', () => {
    const session = signedInBrowser(DEMO_STAFF.supervisor);

    const api = async <T>(path: string, filter: object = {}) => {
        const res = await session.context.request.get(
            `${session.server.baseUrl}/api/${path}?filter=${encodeURIComponent(JSON.stringify(filter))}`
        );
        expect(res.status()).toBe(200);
        return (await res.json()) as T;
    };

    it('lets a supervisor draw a QA sample, record a verdict, and see the outlier it makes', async () => {
        const page = await session.context.newPage();
        await page.goto(`${session.server.baseUrl}/#/qa-reviews`);
        await page.getByTestId('qa-sample-button').click();
        const sampleDialog = page.getByTestId('qa-sample-dialog');
        await sampleDialog.getByTestId('qa-sample-size').fill('2');
        await sampleDialog.getByTestId('qa-sample-confirm').click();
        await page.getByText('2 decisions to review').waitFor();

        const drawn = await api<QaReview[]>('qa-reviews', { answered: false });
        expect(drawn).toHaveLength(2);
        const rows = page.locator('table tbody tr');
        await expect.poll(() => rows.count()).toBe(2);

        await rows.first().getByTestId('qa-verdict-button').click();
        const verdictDialog = page.getByTestId('qa-verdict-dialog');
        await verdictDialog.getByRole('radio', { name: 'Disagree' }).check();
        // A disagreement says why.
        expect(await verdictDialog.getByTestId('qa-verdict-confirm').isDisabled()).toBe(true);
        await verdictDialog.getByTestId('qa-verdict-comment').fill('The seller’s photos show no defect.');
        await verdictDialog.getByTestId('qa-verdict-confirm').click();
        await page.getByText('Verdict recorded').waitFor();
        // Answered reviews leave the "to answer" list.
        await expect.poll(() => rows.count()).toBe(1);

        const [answered] = await api<QaReview[]>('qa-reviews', { answered: true });
        expect(answered).toMatchObject({
            verdict: 'disagree',
            comment: 'The seller’s photos show no defect.',
        });
        const audit = await api<{ action: string }[]>('audit-events', {
            entity: 'qa_review',
            entityId: String(answered.id),
        });
        expect(audit.map((e) => e.action)).toContain('qa.verdict');

        // One answered review, a disagreement: that mediator's QA agreement is 0 %, an outlier.
        await page.goto(`${session.server.baseUrl}/#/mediator-quality`);
        await page.getByTestId('quality-table').waitFor();
        const row = page.getByTestId(`quality-row-${answered.mediatorId}`);
        const chip = row.getByTestId('outlier-qa_agreement');
        await chip.waitFor();
        await chip.hover();
        await page.getByRole('tooltip').getByText('QA agreement 0 %, below 70 %').waitFor();
        await page.close();
    });

    it('shows the decisions audit with the refund percentage and the time to decision, sortable', async () => {
        const [top] = await session.context.request
            .get(
                `${session.server.baseUrl}/api/decisions?sort=${encodeURIComponent('["refundPercent","DESC"]')}&range=[0,0]`
            )
            .then(
                (res) =>
                    res.json() as Promise<{ id: number; refundPercent: number; hoursToDecision: number }[]>
            );
        expect(top.refundPercent).toBeTypeOf('number');

        const page = await session.context.newPage();
        await page.goto(`${session.server.baseUrl}/#/decisions?sort=refundPercent&order=DESC`);
        const header = page.locator('table thead');
        await header.getByText('Refund %').waitFor();
        await header.getByText('Hours to decision').waitFor();
        const firstRow = page.locator('table tbody tr').first();
        await expect.poll(() => firstRow.innerText()).toContain(`${top.refundPercent} %`);
        await page.close();
    });
});
