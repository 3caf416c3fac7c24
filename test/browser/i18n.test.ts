/**
 * Russian and English: the sign-in page follows the browser, the user menu switches the language,
 * the server remembers it per staff member, and no screen of any role shows a raw i18n key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_STAFF, launchBrowser, signIn, startServer, type RunningServer } from './browserHelpers';

const RAW_KEY =
    /\b(ra|app|resources|enums|shortcuts|live|usability|supervision|dashboard)\.[a-z_]+(\.[a-z_]+)+/;
/** "1 234,50 $", "12,00 €": Russian grouping and decimal comma, the currency after the amount. */
const RUSSIAN_MONEY = /\d,\d{2}\s(\p{Sc}|[A-Z]{3})/u;
/** "3 дня назад", "через 5 ч.", "вчера": Intl.RelativeTimeFormat in Russian. */
const RUSSIAN_RELATIVE = /(назад|через|вчера|сегодня|завтра|сейчас)/;
/** I18N_SCREENSHOTS=dir keeps a picture of some screens, to look at. */
const shoot = (page: Page, name: string) =>
    process.env.I18N_SCREENSHOTS
        ? page.screenshot({ path: `${process.env.I18N_SCREENSHOTS}/${name}.png` })
        : Promise.resolve();
const RUSSIAN_MESSAGE = 'Здравствуйте! Посылка так и не пришла, трек-номер не обновляется уже три недели.';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
});
afterAll(async () => {
    await browser?.close();
    await server?.stop();
});

async function newPage(locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
    return context.newPage();
}

async function signedIn(email: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/`);
    await signIn(page, email);
    return page;
}

/** Waits until the page has drawn its data: no skeleton, no spinner left (SLA bars are progress bars too). */
async function settled(page: Page): Promise<string> {
    await page.waitForFunction(
        () =>
            document.querySelector('main, #main-content') !== null &&
            document.querySelectorAll('.MuiSkeleton-root, .MuiCircularProgress-root').length === 0
    );
    return page.evaluate(() => document.body.innerText);
}

async function visit(page: Page, hash: string, expected: RegExp): Promise<string> {
    await page.goto(`${server.baseUrl}/#/${hash}`);
    await page.getByText(expected).first().waitFor();
    const text = await settled(page);
    expect(text, `a raw key on #/${hash}`).not.toMatch(RAW_KEY);
    return text;
}

async function switchTo(page: Page, locale: 'en' | 'ru') {
    await page.getByRole('button', { name: /Profile|Профиль/ }).click();
    await page.getByTestId('language-menu').click();
    await page.getByTestId(`language-${locale}`).click();
    await page.keyboard.press('Escape');
}

async function me(context: BrowserContext): Promise<{ id: number; locale: string; csrfToken: string }> {
    return (await context.request.get(`${server.baseUrl}/api/auth/me`)).json();
}

/** A dispute in review held by the signed-in mediator (picked up from the queue when none is). */
async function heldDispute(context: BrowserContext): Promise<number> {
    const { id, csrfToken } = await me(context);
    const filter = encodeURIComponent(JSON.stringify({ assigneeId: id, status: 'in_review' }));
    const held = await (await context.request.get(`${server.baseUrl}/api/disputes?filter=${filter}`)).json();
    if (held.length) return held[0].id;
    const escalated = encodeURIComponent(JSON.stringify({ status: 'escalated' }));
    const [next] = await (
        await context.request.get(`${server.baseUrl}/api/disputes?filter=${escalated}`)
    ).json();
    const pickup = await context.request.post(`${server.baseUrl}/api/disputes/${next.id}/pickup`, {
        headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(pickup.ok(), await pickup.text()).toBe(true);
    return next.id;
}

describe('the sign-in page', () => {
    it('speaks Russian to a browser set to Russian and English to the others', async () => {
        const russian = await newPage('ru-RU');
        await russian.goto(`${server.baseUrl}/`);
        await russian.getByText('Вход для сотрудников').waitFor();
        await russian.getByLabel('Пароль', { exact: true }).waitFor();
        expect(await settled(russian)).not.toMatch(RAW_KEY);
        await russian.context().close();

        const english = await newPage('en-US');
        await english.goto(`${server.baseUrl}/`);
        await english.getByText('Staff sign-in').waitFor();
        await english.context().close();
    });
});

describe('switching to Russian in the user menu', () => {
    let mediator: Page;

    beforeAll(async () => {
        mediator = await signedIn(DEMO_STAFF.mediator);
        await mediator.getByText('Escalation queue').first().waitFor();
        await switchTo(mediator, 'ru');
        await mediator.getByText('Очередь эскалаций').first().waitFor();
    });

    it('is remembered on the server for this staff member, and survives a reload', async () => {
        expect((await me(mediator.context())).locale).toBe('ru');
        await mediator.reload();
        await mediator.getByText('Очередь эскалаций').first().waitFor();
        expect(await settled(mediator)).not.toMatch(/Escalation queue/);

        // Another browser (English, nothing stored): Russian from the moment the mediator signs in.
        const elsewhere = await signedIn(DEMO_STAFF.mediator);
        await elsewhere.getByText('Очередь эскалаций').first().waitFor();
        await elsewhere.context().close();
    });

    it("shows the mediator's screens in Russian, with Russian money and dates, and no raw key", async () => {
        const queue = await visit(mediator, 'queue', /Очередь эскалаций/);
        expect(queue).toMatch(RUSSIAN_MONEY);
        expect(queue).toMatch(RUSSIAN_RELATIVE);
        await shoot(mediator, 'queue');
        await visit(mediator, 'queue/mine', /Мои дела/);
        await visit(mediator, 'disputes', /Споры/);
        await visit(mediator, 'decisions', /Решения/);
        await visit(mediator, 'buyers', /Покупатели/);
        await visit(mediator, 'sellers', /Продавцы/);
        await visit(mediator, 'orders', /Заказы/);
        await visit(mediator, 'evidence-requests', /Запросы доказательств/);
        await visit(mediator, 'refunds', /Возвраты средств/);
    });

    it('shows a dispute page in Russian, the ruling form open, each message marked with its language', async () => {
        const context = mediator.context();
        const disputeId = await heldDispute(context);
        const { csrfToken } = await me(context);
        const posted = await context.request.post(`${server.baseUrl}/api/disputes/${disputeId}/messages`, {
            headers: { 'X-CSRF-Token': csrfToken },
            data: { visibility: 'both', body: RUSSIAN_MESSAGE },
        });
        expect(posted.status(), await posted.text()).toBe(201);

        await visit(mediator, `disputes/${disputeId}/show`, /Хронология|Сообщения/);
        const thread = mediator.getByTestId('message-thread');
        const russian = thread.getByTestId('message').filter({ hasText: RUSSIAN_MESSAGE });
        await russian.getByTestId('message-language').filter({ hasText: 'RU' }).waitFor();
        expect(await russian.getByTestId('message-language').getAttribute('aria-label')).toMatch(/русский/i);
        await russian.scrollIntoViewIfNeeded();
        await shoot(mediator, 'messages');

        await mediator.getByTestId('rule-open').click();
        const dialog = mediator.getByTestId('ruling-dialog');
        await dialog.getByText(`Решение по спору №${disputeId}`).waitFor();
        const text = await settled(mediator);
        expect(text).not.toMatch(RAW_KEY);
        expect(text).toMatch(RUSSIAN_MONEY);
        await shoot(mediator, 'ruling');
        await mediator.keyboard.press('Escape');
    });

    it('leaves another staff member in English, until they switch too', async () => {
        const supervisor = await signedIn(DEMO_STAFF.supervisor);
        expect((await me(supervisor.context())).locale).toBe('en');
        await supervisor.getByTestId('dashboard').waitFor();
        await supervisor.getByRole('heading', { name: /^Queue size and age/ }).waitFor();

        await switchTo(supervisor, 'ru');
        await supervisor.getByRole('heading', { name: /^Размер и возраст очереди/ }).waitFor();
        expect(await settled(supervisor)).not.toMatch(RAW_KEY);
        await shoot(supervisor, 'dashboard');
        await visit(supervisor, 'audit-events', /Журнал аудита/);
        await shoot(supervisor, 'audit');
        await visit(supervisor, 'staff', /Сотрудники/);
        await visit(supervisor, 'qa-reviews', /Проверки качества/);
        await visit(supervisor, 'mediator-quality', /Качество работы медиаторов/);
        await visit(supervisor, 'outbox-events', /Доставка вебхуков|Доставки/);
        await visit(supervisor, 'attachments', /Вложения/);

        await switchTo(supervisor, 'en');
        await supervisor.locator('.RaSidebar-fixed').getByRole('menuitem', { name: 'Audit log' }).waitFor();
        expect((await me(supervisor.context())).locale).toBe('en');
        expect((await me(mediator.context())).locale).toBe('ru');
        await supervisor.context().close();
    });
});
